using System.Threading.Channels;
using Interview.Sandbox;

namespace Interview.Web.Features.Execution.Workers;

/// <summary>
/// The sandbox's observer on a worker node: notifications are queued as they come and sent to the web node one batch
/// at a time (a batch holds what piled up while the previous one travelled), so they arrive in order and the sandbox
/// never waits for the network. The queue is bounded by the run's kept output (<see cref="RunLimits.OutputBytes"/> per
/// stream). If the web node is gone, the rest is dropped; the run still ends by its limits.
/// </summary>
internal sealed class RunEventForwarder : IRunObserver, IAsyncDisposable
{
    private readonly Channel<RunEvent> _events = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IRunEventSink _sink;
    private readonly Task _pump;

    public RunEventForwarder(IRunEventSink sink)
    {
        _sink = sink;
        _pump = Task.Run(PumpAsync);
    }

    public void QueuePositionChanged(int runsAhead) => _events.Writer.TryWrite(new RunEvent(RunEventKind.QueuePosition, RunsAhead: runsAhead));

    public void PhaseChanged(RunPhase phase) => _events.Writer.TryWrite(new RunEvent(RunEventKind.Phase, Phase: phase));

    public void Output(OutputStream stream, string text) => _events.Writer.TryWrite(new RunEvent(RunEventKind.Output, Stream: stream, Text: text));

    /// <summary>Sends everything queued so far and stops.</summary>
    public Task FlushAsync()
    {
        _events.Writer.TryComplete();
        return _pump;
    }

    public async ValueTask DisposeAsync() => await FlushAsync();

    private async Task PumpAsync()
    {
        var batch = new List<RunEvent>();
        while (await _events.Reader.WaitToReadAsync())
        {
            while (_events.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                await _sink.OnEventsAsync(new RunEventBatch([.. batch]));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The web node is gone or unreachable: nobody is left to show the output.
                while (_events.Reader.TryRead(out _)) { }
                return;
            }
            batch.Clear();
        }
    }
}
