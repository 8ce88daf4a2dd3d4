using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Interview.Web.Shared.Cluster;

/// <summary>
/// <c>/healthz</c> is healthy only while this node's silo is an active member of the cluster and, when clustered,
/// its connection to Redis (membership and the hub backplane) is up.
/// </summary>
internal sealed class ClusterHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) != SiloStatus.Active)
            return Task.FromResult(HealthCheckResult.Unhealthy("This node has not joined the cluster."));
        if (services.GetService<IConnectionMultiplexer>() is { IsConnected: false })
            return Task.FromResult(HealthCheckResult.Unhealthy("Redis (INTERVIEW_REDIS) does not answer."));
        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
