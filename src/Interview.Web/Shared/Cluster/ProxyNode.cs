using Interview.Web.Shared.Actors;

namespace Interview.Web.Shared.Cluster;

/// <summary>
/// This node's proxies of one kind of grain (rooms, exams), loaded on first use and kept attached to their grains
/// every <see cref="KeepInterval"/> (or at once after a call failed, <see cref="CheckSoon"/>).
/// </summary>
internal abstract class ProxyNode<TProxy>(ILogger logger) : BackgroundService where TProxy : class
{
    public static readonly TimeSpan KeepInterval = TimeSpan.FromSeconds(5);

    /// <summary>A proxy nobody on this node used for this long is let go.</summary>
    public static readonly TimeSpan IdleRelease = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _checkSoon = new(0);

    protected ActorCache<TProxy> Proxies { get; } = new();

    public IReadOnlyCollection<string> Ids => Proxies.Ids;

    /// <summary>A call to a grain failed: check the attachments now rather than at the next round.</summary>
    public void CheckSoon() => _checkSoon.Release();

    /// <summary>One proxy's round: let it go, keep it attached, or attach it again.</summary>
    protected abstract Task KeepAsync(TProxy proxy);

    protected abstract string IdOf(TProxy proxy);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await _checkSoon.WaitAsync(KeepInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
            foreach (var proxy in await Proxies.LoadedAsync())
            {
                try { await KeepAsync(proxy); }
                catch (Exception e) when (e is not OperationCanceledException) { ClusterLog.KeepFailed(logger, IdOf(proxy), e); }
            }
        }
    }
}

internal static partial class ClusterLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Id}: keeping this node attached failed", EventName = "KeepAttachedFailed")]
    public static partial void KeepFailed(ILogger logger, string id, Exception exception);
}
