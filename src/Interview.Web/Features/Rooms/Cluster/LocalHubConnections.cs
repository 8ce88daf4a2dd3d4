using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>The room hub's connections on this node, so the node can cut one (its room moved and it must rejoin).</summary>
public sealed class LocalHubConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);

    internal void Add(HubCallerContext context) => _open[context.ConnectionId] = context;

    internal void Remove(HubCallerContext context) => _open.TryRemove(new(context.ConnectionId, context));

    internal void Abort(string connectionId)
    {
        if (_open.TryGetValue(connectionId, out var context)) context.Abort();
    }
}
