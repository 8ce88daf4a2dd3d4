using Interview.Web.Features.Rooms.Cluster;
using Interview.Web.Shared.Cluster;

namespace Interview.Web.Features.Proctoring.Cluster;

/// <summary>This node's side of the exams in the cluster: proxies attached to their grains, and the snapshots they send.</summary>
internal sealed class ExamNode(IGrainFactory grains, ClusterSettings cluster, LocalHubConnections hubs, ILogger<ExamNode> logger)
    : ProxyNode<ExamProxy>(logger), IExamNodeObserver
{
    private IExamNodeObserver? _reference;

    private string Id => cluster.NodeId;

    private IExamNodeObserver Reference => _reference ??= grains.CreateObjectReference<IExamNodeObserver>(this);

    public async Task<ExamProxy> GetAsync(string testId) => (await Proxies.GetAsync(testId, AttachAsync))!;

    private async Task<ExamProxy?> AttachAsync(string testId)
    {
        var grain = grains.GetGrain<IExamGrain>(testId);
        return new ExamProxy(testId, grain, this, await grain.AttachAsync(Id, Reference), logger);
    }

    protected override string IdOf(ExamProxy proxy) => "Exam " + proxy.TestId;

    protected override async Task KeepAsync(ExamProxy proxy)
    {
        if (!proxy.InUse && DateTimeOffset.UtcNow - proxy.IdleSince > IdleRelease)
        {
            await Proxies.RemoveAsync(proxy.TestId);
            await proxy.Grain.DetachAsync(Id);
            return;
        }
        if (await proxy.Grain.KeepAttachedAsync(Id, Reference, proxy.Activation)) return;
        var opening = await proxy.Grain.AttachAsync(Id, Reference);
        if (opening.Activation != proxy.Activation) ExamGrainLog.Reactivated(logger, proxy.TestId);
        proxy.Reattached(opening, hubs.Abort);
    }

    public Task ExamChanged(string testId, long version, ExamSnapshot snapshot)
    {
        if (Proxies.Loaded(testId) is { } proxy) proxy.Apply(version, snapshot);
        return Task.CompletedTask;
    }
}
