namespace Interview.Sandbox;

/// <summary>Which stream an output chunk came from.</summary>
public enum OutputStream
{
    /// <summary>The program's standard output.</summary>
    Stdout,
    /// <summary>The program's standard error.</summary>
    Stderr,
    /// <summary>The compiler's output (its stdout and stderr).</summary>
    Compile,
}

/// <summary>What a run is doing now.</summary>
public enum RunPhase
{
    /// <summary>Waiting for a worker; see <see cref="IRunObserver.QueuePositionChanged"/>.</summary>
    Queued,
    /// <summary>The compiler is running.</summary>
    Compiling,
    /// <summary>The program is running.</summary>
    Running,
}

/// <summary>
/// Live notifications about one run, for streaming to a room. Every method has an empty default, so implement only
/// what you need. Calls come from thread-pool threads: chunks of one stream arrive in order, but stdout and stderr
/// chunks may interleave arbitrarily and may arrive on different threads. Return quickly: the sandbox waits for the
/// callback before reading more of that stream (which is the back-pressure on the program).
/// </summary>
public interface IRunObserver
{
    /// <summary>Runs ahead of this one in the queue (0 = next to start). Called when it changes.</summary>
    void QueuePositionChanged(int runsAhead) { }

    /// <summary>The run entered a phase.</summary>
    void PhaseChanged(RunPhase phase) { }

    /// <summary>A chunk of output, decoded as UTF-8. Only the kept part of each stream is reported.</summary>
    void Output(OutputStream stream, string text) { }
}
