using Orleans.Configuration;

namespace Interview.Web.Shared.Cluster;

/// <summary>
/// Membership timings for a cluster whose nodes serve live rooms: a node that dies must be declared dead in seconds,
/// not the half minute Orleans waits by default, because its rooms are unreachable until then.
/// </summary>
internal static class ClusterTimings
{
    public static void DetectFailuresQuickly(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumProbedSilos = 2;
        options.NumVotesForDeathDeclaration = 1;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
