using System.Collections.Concurrent;

namespace Interview.Web.Shared.Cluster;

/// <summary>The nodes attached to one grain (a room, an exam), each with its observer and when it was last heard from.</summary>
internal sealed class AttachedNodes<TObserver>(TimeProvider time) where TObserver : IGrainObserver
{
    /// <summary>A node that has not kept its attachment for this long is gone.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Link> _links = new(StringComparer.Ordinal);

    public sealed record Link(string Id, TObserver Observer, DateTimeOffset Seen);

    public IEnumerable<Link> All
    {
        get
        {
            var now = time.GetUtcNow();
            foreach (var link in _links.Values)
            {
                if (now - link.Seen < Expiry) yield return link;
                else _links.TryRemove(new(link.Id, link));
            }
        }
    }

    public void Keep(string nodeId, TObserver observer) => _links[nodeId] = new Link(nodeId, observer, time.GetUtcNow());

    public void Remove(string nodeId) => _links.TryRemove(nodeId, out _);

    public void Drop(Link link) => _links.TryRemove(new(link.Id, link));

    public TObserver? Find(string nodeId) => _links.TryGetValue(nodeId, out var link) ? link.Observer : default;

    /// <summary>Sends <paramref name="message"/> to every attached node; a node that fails or does not answer in time is dropped.</summary>
    public async Task TellAllAsync(Func<TObserver, Task> message, Action<string, Exception> dropped)
    {
        await Task.WhenAll(All.Select(async link =>
        {
            try { await message(link.Observer).WaitAsync(NodeTimeout); }
            catch (Exception e)
            {
                Drop(link);
                dropped(link.Id, e);
            }
        }));
    }

    /// <summary>How long a node may take to take a message before it is dropped (it attaches again when alive).</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(3);
}
