using Orleans.Configuration;

namespace Interview.Web.Shared.Cluster;

/// <summary>
/// Marks a grain class that lives only on nodes that run code (roles <c>worker</c> and <c>all</c>). Every other grain
/// class of ours (rooms…) lives only on nodes that serve web (roles <c>web</c> and <c>all</c>), so a room is never
/// placed on a worker silo and a sandbox grain never on a pure web silo. Orleans' own grain classes stay everywhere.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WorkerNodeGrainAttribute : Attribute
{
    /// <summary>Removes from <paramref name="options"/> the grain classes of ours that <paramref name="role"/> must not host.</summary>
    internal static void KeepGrainsFor(NodeRole role, GrainTypeOptions options) =>
        options.Classes.RemoveWhere(type => ClusterSerialization.IsOurAssembly(type) && !HostedBy(role, type));

    private static bool HostedBy(NodeRole role, Type grainClass) =>
        role == NodeRole.All || (role == NodeRole.Worker) == grainClass.IsDefined(typeof(WorkerNodeGrainAttribute), inherit: false);
}
