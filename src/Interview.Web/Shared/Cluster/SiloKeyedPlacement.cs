using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Interview.Web.Shared.Cluster;

/// <summary>
/// Places a grain on the silo its string key names (<see cref="SiloAddress.ToParsableString"/>): one activation per
/// silo, addressed on purpose (a sandbox worker). A silo that has left the cluster, or does not host the grain class,
/// fails the call at once with <see cref="SiloUnavailableException"/> instead of placing the grain elsewhere.
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class SiloKeyedPlacement : PlacementStrategy
{
    internal static SiloKeyedPlacement Instance { get; } = new();

    /// <summary>The key of the grain of a <see cref="SiloKeyedPlacement"/> class that lives on <paramref name="silo"/>.</summary>
    public static string KeyOf(SiloAddress silo) => silo.ToParsableString();
}

/// <summary>Places the grain class with <see cref="SiloKeyedPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SiloKeyedPlacementAttribute() : PlacementAttribute(SiloKeyedPlacement.Instance);

internal sealed class SiloKeyedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silo = SiloAddress.FromParsableString(target.GrainIdentity.Key.ToString());
        return context.GetCompatibleSilos(target).Contains(silo)
            ? Task.FromResult(silo)
            : throw new SiloUnavailableException($"The node {silo} has left the cluster or does not run this grain.");
    }
}
