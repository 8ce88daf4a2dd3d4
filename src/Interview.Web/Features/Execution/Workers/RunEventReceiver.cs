using Interview.Sandbox;

namespace Interview.Web.Features.Execution.Workers;

/// <summary>The web node's end of a remote run's notifications: hands them to the caller's observer in order.</summary>
internal sealed class RunEventReceiver(IRunObserver? observer) : IRunEventSink
{
    private int _received;

    /// <summary>True once the worker has said anything about the run (so it had the run when it failed).</summary>
    public bool HeardFromWorker => Volatile.Read(ref _received) > 0;

    public Task OnEventsAsync(RunEventBatch batch)
    {
        Interlocked.Increment(ref _received);
        if (observer is not null)
            foreach (var item in batch.Events) item.ApplyTo(observer);
        return Task.CompletedTask;
    }
}
