namespace Interview.Sandbox.Internal;

/// <summary>Wraps the caller's observer so that a throwing callback cannot break a run (the exception is dropped:
/// the run's result is still the authoritative outcome).</summary>
internal sealed class SafeObserver(IRunObserver inner) : IRunObserver
{
    public static IRunObserver? Wrap(IRunObserver? observer) => observer is null ? null : new SafeObserver(observer);

    public void QueuePositionChanged(int runsAhead) => Try(() => inner.QueuePositionChanged(runsAhead));

    public void PhaseChanged(RunPhase phase) => Try(() => inner.PhaseChanged(phase));

    public void Output(OutputStream stream, string text) => Try(() => inner.Output(stream, text));

    private static void Try(Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception)
        {
            // An observer's failure (a closed connection, say) must not abort the run.
        }
    }
}
