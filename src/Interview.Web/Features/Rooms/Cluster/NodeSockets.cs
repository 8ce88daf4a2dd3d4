using System.Collections.Concurrent;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>This node's <c>/yjs</c> sockets that have a room's document open, by connection id: room frames for them arrive here.</summary>
internal sealed class NodeSockets
{
    private readonly ConcurrentDictionary<string, Func<byte[], ValueTask>> _senders = new(StringComparer.Ordinal);

    public void Register(string connectionId, Func<byte[], ValueTask> send) => _senders[connectionId] = send;

    public void Unregister(string connectionId) => _senders.TryRemove(connectionId, out _);

    public ValueTask SendAsync(string connectionId, byte[] frame) =>
        _senders.TryGetValue(connectionId, out var send) ? send(frame) : ValueTask.CompletedTask;
}
