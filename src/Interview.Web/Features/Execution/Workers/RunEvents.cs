using Interview.Sandbox;

namespace Interview.Web.Features.Execution.Workers;

/// <summary>Which <see cref="IRunObserver"/> call a <see cref="RunEvent"/> carries.</summary>
public enum RunEventKind
{
    /// <summary><see cref="IRunObserver.QueuePositionChanged"/>.</summary>
    QueuePosition,
    /// <summary><see cref="IRunObserver.PhaseChanged"/>.</summary>
    Phase,
    /// <summary><see cref="IRunObserver.Output"/>.</summary>
    Output,
}

/// <summary>One observer notification of a run on a worker node, on its way to the web node that asked.</summary>
public sealed record RunEvent(RunEventKind Kind, int RunsAhead = 0, RunPhase Phase = RunPhase.Queued, OutputStream Stream = OutputStream.Stdout, string Text = "")
{
    public void ApplyTo(IRunObserver observer)
    {
        switch (Kind)
        {
            case RunEventKind.QueuePosition: observer.QueuePositionChanged(RunsAhead); break;
            case RunEventKind.Phase: observer.PhaseChanged(Phase); break;
            case RunEventKind.Output: observer.Output(Stream, Text); break;
        }
    }
}

/// <summary>Notifications in the order the sandbox made them (a worker sends what piled up since its last batch).</summary>
public sealed record RunEventBatch(RunEvent[] Events);

/// <summary>The web node's end of a run's notifications (a grain observer).</summary>
public interface IRunEventSink : IGrainObserver
{
    Task OnEventsAsync(RunEventBatch batch);
}
