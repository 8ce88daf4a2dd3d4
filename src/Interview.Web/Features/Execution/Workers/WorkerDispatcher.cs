using Interview.Sandbox;
using Interview.Web.Shared.Cluster;

namespace Interview.Web.Features.Execution.Workers;

/// <summary>
/// The web host's <see cref="ICodeRunner"/>. On a node of role <c>web</c> whose cluster has worker nodes, each run goes
/// to the worker with the fewest of this node's runs in flight, its notifications stream back through a grain
/// observer, and the user's cancel reaches the worker as the call's cancellation. A worker that dies mid-run ends that
/// run with <see cref="RunStatus.InternalError"/> as soon as the membership declares it dead (Orleans then fails the
/// calls waiting on that silo with <see cref="SiloUnavailableException"/>; see ClusterTimings). With no
/// workers (and always on role <c>all</c>) runs stay on this node's own sandbox, which starts only then.
/// </summary>
internal sealed partial class WorkerDispatcher(
    LazyCodeRunner local, SandboxWorkers workers, IGrainFactory grains, ClusterSettings cluster, ILogger<WorkerDispatcher> logger) : ICodeRunner
{
    public async Task<RunResult> RunAsync(RunRequest request, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var tried = new HashSet<SiloAddress>();
        while (cluster.Role == NodeRole.Web && workers.Pick(tried) is { } worker)
        {
            tried.Add(worker);
            if (await RunOnAsync(worker, request, observer, cancellationToken) is { } result) return result;
        }
        if (cluster.Role == NodeRole.Web && workers.Count > 0)
            return Lost(tried.Count > 0 ? "No sandbox worker could take the run." : "Every sandbox worker failed just now; try again.");
        return await local.RunAsync(request, observer, cancellationToken) with { Node = cluster.NodeId };
    }

    public async Task<IReadOnlyList<LanguageInfo>> GetLanguagesAsync(CancellationToken cancellationToken = default) =>
        cluster.Role == NodeRole.Web && workers.Pick() is { } worker
            ? await Grain(worker).GetLanguagesAsync().WaitAsync(cancellationToken)
            : await local.GetLanguagesAsync(cancellationToken);

    /// <summary>The run's result, or null when the worker failed before it heard of the run (the caller tries another).</summary>
    private async Task<RunResult?> RunOnAsync(SiloAddress worker, RunRequest request, IRunObserver? observer, CancellationToken cancellationToken)
    {
        using var tracked = workers.Track(worker);
        var receiver = new RunEventReceiver(observer);
        var sink = grains.CreateObjectReference<IRunEventSink>(receiver);
        try
        {
            var outcome = await Grain(worker).RunAsync(request, sink, cancellationToken);
            return outcome.Refusal switch
            {
                null => outcome.Result,
                WorkerRefusal.Cancelled => throw new OperationCanceledException(cancellationToken),
                WorkerRefusal.Busy => throw new SandboxBusyException(outcome.Message ?? "The sandbox is busy."),
                WorkerRefusal.UnknownLanguage => throw new UnknownLanguageException(outcome.Message ?? request.Language),
                WorkerRefusal.LimitTooHigh => throw new ArgumentOutOfRangeException(nameof(request), outcome.Message),
                _ => Lost(outcome.Message ?? "The sandbox worker refused the run."),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { throw; }
        catch (Exception e) when (e is SiloUnavailableException or OrleansException or TimeoutException)
        {
            LogCallFailed(worker, e.Message);
            return WorkerLost(worker, receiver);
        }
        finally
        {
            grains.DeleteObjectReference<IRunEventSink>(sink);
        }
    }

    /// <summary>Null (try another worker) when the worker never heard of the run, else the run's internal error.</summary>
    private RunResult? WorkerLost(SiloAddress worker, RunEventReceiver receiver)
    {
        workers.MarkLost(worker);
        if (!receiver.HeardFromWorker) return null;
        LogWorkerLost(worker);
        return Lost($"The sandbox worker {worker} was lost during the run (its node stopped answering).");
    }

    private ISandboxWorkerGrain Grain(SiloAddress worker) => grains.GetGrain<ISandboxWorkerGrain>(SiloKeyedPlacement.KeyOf(worker));

    private static RunResult Lost(string message) => new(RunStatus.InternalError, null, null, "", "", null, 0, 0, 0, false, message);

    [LoggerMessage(1, LogLevel.Warning, "Sandbox worker {Worker} was lost during a run")]
    private partial void LogWorkerLost(SiloAddress worker);

    [LoggerMessage(2, LogLevel.Warning, "Sandbox worker {Worker} failed a call: {Reason}")]
    private partial void LogCallFailed(SiloAddress worker, string reason);
}
