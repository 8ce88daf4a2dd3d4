namespace Interview.Sandbox;

/// <summary>
/// Runs untrusted source code. <see cref="LocalSandboxRunner"/> runs it on this machine with bubblewrap and cgroups;
/// a remote worker pool or a container backend can implement the same interface later.
/// </summary>
public interface ICodeRunner
{
    /// <summary>
    /// Queues the run fairly among owners, waits for a free worker, compiles if the language needs it, runs, and
    /// returns what happened. Whatever the program does, the result comes back as a <see cref="RunResult"/>.
    /// </summary>
    /// <param name="request">Language, source, stdin, owner key for fair queueing and optional limits.</param>
    /// <param name="observer">Optional: receives the queue position, phase changes and output chunks as they come.</param>
    /// <param name="cancellationToken">Cancels a queued run, or kills a running one (the task then throws
    /// <see cref="OperationCanceledException"/> once every process of the run is gone).</param>
    /// <exception cref="SandboxBusyException">The queue is full; the caller should try again later.</exception>
    /// <exception cref="UnknownLanguageException">No language with that id exists, or its runtime is not installed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A requested limit is above the server's maximum.</exception>
    Task<RunResult> RunAsync(RunRequest request, IRunObserver? observer = null, CancellationToken cancellationToken = default);

    /// <summary>Every known language, with its version when its runtime is installed.</summary>
    Task<IReadOnlyList<LanguageInfo>> GetLanguagesAsync(CancellationToken cancellationToken = default);
}
