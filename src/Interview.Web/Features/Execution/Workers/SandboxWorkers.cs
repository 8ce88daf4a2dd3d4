using System.Collections.Concurrent;
using Interview.Web.Shared.Cluster;

namespace Interview.Web.Features.Execution.Workers;

/// <summary>
/// The other nodes that run code (roles <c>worker</c> and <c>all</c>): active cluster members whose silo hosts
/// <see cref="SandboxWorkerGrain"/>. Spreads runs by this node's runs in flight on each, and skips a worker that has
/// just failed a call until the membership has caught up.
/// </summary>
internal sealed class SandboxWorkers(IClusterManifestProvider manifests, IClusterMembershipService membership, ILocalSiloDetails local, TimeProvider time)
{
    /// <summary>How long a worker that failed a call is skipped (its death is normally declared well within it).</summary>
    private static readonly TimeSpan LostFor = TimeSpan.FromSeconds(30);
    private static readonly GrainType WorkerGrain = GrainType.Create(SandboxWorkerGrain.TypeName);
    private readonly ConcurrentDictionary<SiloAddress, int> _inFlight = new();
    private readonly ConcurrentDictionary<SiloAddress, DateTimeOffset> _lost = new();

    /// <summary>The worker with the fewest of this node's runs in flight, or null when there is none.</summary>
    public SiloAddress? Pick(IReadOnlySet<SiloAddress>? except = null)
    {
        var now = time.GetUtcNow();
        return Active()
            .Where(silo => except?.Contains(silo) != true && !(_lost.TryGetValue(silo, out var since) && now - since < LostFor))
            .OrderBy(silo => _inFlight.GetValueOrDefault(silo))
            .ThenBy(_ => Random.Shared.Next())
            .FirstOrDefault();
    }

    /// <summary>Workers that are members now (including one being skipped).</summary>
    public int Count => Active().Count();

    /// <summary>Counts a run on <paramref name="silo"/> until the returned handle is disposed.</summary>
    public IDisposable Track(SiloAddress silo)
    {
        _inFlight.AddOrUpdate(silo, 1, (_, n) => n + 1);
        return new Release(() => _inFlight.AddOrUpdate(silo, 0, (_, n) => n - 1));
    }

    public void MarkLost(SiloAddress silo) => _lost[silo] = time.GetUtcNow();

    private IEnumerable<SiloAddress> Active()
    {
        var members = membership.CurrentSnapshot;
        return manifests.Current.Silos
            .Where(silo => !silo.Key.Equals(local.SiloAddress) && silo.Value.Grains.ContainsKey(WorkerGrain)
                && members.GetSiloStatus(silo.Key) == SiloStatus.Active)
            .Select(silo => silo.Key);
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) release();
        }
    }
}
