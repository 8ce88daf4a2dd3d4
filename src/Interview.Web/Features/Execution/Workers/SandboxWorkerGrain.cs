using Interview.Sandbox;
using Interview.Web.Shared.Cluster;
using Orleans.Concurrency;

namespace Interview.Web.Features.Execution.Workers;

/// <summary>
/// A worker node's sandbox, reachable from every web node. Reentrant: each call is one run, and runs proceed side by
/// side in the node's <see cref="LocalSandboxRunner"/> (its fair queue decides who goes first).
/// </summary>
[WorkerNodeGrain, SiloKeyedPlacement, Reentrant, GrainType(TypeName)]
internal sealed partial class SandboxWorkerGrain(LazyCodeRunner sandbox, ClusterSettings cluster, ILogger<SandboxWorkerGrain> logger)
    : Grain, ISandboxWorkerGrain
{
    public const string TypeName = "sandbox-worker";

    public async Task<WorkerRunOutcome> RunAsync(RunRequest request, IRunEventSink events, CancellationToken cancellationToken)
    {
        LogRunStarted(request.Language, request.OwnerKey);
        await using var forwarder = new RunEventForwarder(events);
        try
        {
            var result = await sandbox.RunAsync(request, forwarder, cancellationToken);
            await forwarder.FlushAsync();
            LogRunFinished(request.Language, request.OwnerKey, result.Status);
            return new WorkerRunOutcome(result with { Node = cluster.NodeId });
        }
        catch (OperationCanceledException)
        {
            LogRunCancelled(request.Language, request.OwnerKey);
            return new WorkerRunOutcome(null, WorkerRefusal.Cancelled, "Cancelled.");
        }
        catch (SandboxBusyException e) { return new WorkerRunOutcome(null, WorkerRefusal.Busy, e.Message); }
        catch (UnknownLanguageException e) { return new WorkerRunOutcome(null, WorkerRefusal.UnknownLanguage, e.Message); }
        catch (ArgumentOutOfRangeException e) { return new WorkerRunOutcome(null, WorkerRefusal.LimitTooHigh, e.Message); }
    }

    public async Task<LanguageInfo[]> GetLanguagesAsync() => [.. await sandbox.GetLanguagesAsync()];

    [LoggerMessage(1, LogLevel.Information, "Running {Language} for {Owner}")]
    private partial void LogRunStarted(string language, string owner);

    [LoggerMessage(2, LogLevel.Information, "Ran {Language} for {Owner}: {Status}")]
    private partial void LogRunFinished(string language, string owner, RunStatus status);

    [LoggerMessage(3, LogLevel.Information, "Cancelled {Language} for {Owner}")]
    private partial void LogRunCancelled(string language, string owner);
}
