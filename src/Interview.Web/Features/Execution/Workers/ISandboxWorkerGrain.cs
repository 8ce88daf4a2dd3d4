using Interview.Sandbox;

namespace Interview.Web.Features.Execution.Workers;

/// <summary>Why a worker did not run a program; the web node turns it back into the exception <see cref="ICodeRunner"/> documents.</summary>
public enum WorkerRefusal
{
    /// <summary><see cref="SandboxBusyException"/>: the worker's queue is full.</summary>
    Busy,
    /// <summary><see cref="UnknownLanguageException"/>.</summary>
    UnknownLanguage,
    /// <summary><see cref="ArgumentOutOfRangeException"/>: a limit above the worker's maximum.</summary>
    LimitTooHigh,
    /// <summary>The caller cancelled; every process of the run is gone.</summary>
    Cancelled,
}

/// <summary>What a worker did with a run: a result, or a refusal with its message.</summary>
public sealed record WorkerRunOutcome(RunResult? Result, WorkerRefusal? Refusal = null, string? Message = null);

/// <summary>
/// The sandbox of one worker node: its key names the silo it lives on (<see cref="Shared.Cluster.SiloKeyedPlacement"/>).
/// Runs queue in that node's own fair queue.
/// </summary>
public interface ISandboxWorkerGrain : IGrainWithStringKey
{
    /// <summary>Runs <paramref name="request"/> in this node's sandbox; notifications go to <paramref name="events"/>
    /// while it runs, all of them before the outcome. Cancelling the token kills the run on the worker.</summary>
    /// <remarks>A run may wait in the queue and compile before it runs: the timeout is far above the sandbox's own limits.</remarks>
    [ResponseTimeout("00:15:00")]
    Task<WorkerRunOutcome> RunAsync(RunRequest request, IRunEventSink events, CancellationToken cancellationToken);

    Task<LanguageInfo[]> GetLanguagesAsync();
}
