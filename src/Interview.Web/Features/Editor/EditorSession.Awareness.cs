using Interview.Crdt;
using Interview.Crdt.Protocols;

namespace Interview.Web.Features.Editor;

/// <summary>
/// Awareness (cursors, names) with owners: the connection that first sets a client id owns it until it goes, and
/// only the owner may update or remove that state, for at most <see cref="EditorOptions.MaxAwarenessClientsPerConnection"/>
/// client ids (a participant's new connection takes over its earlier one's). An entry that would change another connection's state (or claim one more id than the cap) is a
/// violation. Over the hub (our own client sends only its own id) the whole frame is refused with the reason. Over
/// <c>/yjs</c> the offending entries are dropped and the rest applied: a stock y-websocket client relays every
/// awareness change it sees, including other clients' states its own timer expired, and must not be cut off for it.
/// </summary>
internal sealed partial class EditorSession
{
    private const int MaxAwarenessBytes = 16 * 1024;

    private readonly Dictionary<ulong, string> _awarenessOwners = [];

    private async Task<EditorReply> ApplyAwarenessAsync(PeerState from, ReadOnlyMemory<byte> update)
    {
        if (update.Length > MaxAwarenessBytes) return EditorReply.Rejected($"Awareness states are limited to {MaxAwarenessBytes / 1024} KiB.");
        IReadOnlyList<AwarenessEntry> entries;
        try { entries = Awareness.DecodeUpdate(update); }
        catch (CrdtFormatException e) { return Malformed(from.Peer, e.Message); }

        var awareness = _awareness!;
        List<AwarenessEntry> accepted = [];
        var claims = new HashSet<ulong>();
        string? violation = null;
        foreach (var entry in entries)
        {
            if (!awareness.Changes(entry)) continue;
            var owned = from.Clients.Contains(entry.ClientId);
            if (!owned && (entry.ClientId == awareness.ClientId || OwnedByOtherParticipant(entry.ClientId, from)))
            {
                violation ??= $"Awareness client {entry.ClientId} belongs to another connection; only its owner may change it.";
                continue;
            }
            var removal = entry.StateJson.Trim() == "null";
            if (!owned && removal) continue; // nobody's state: nothing to remove
            if (!owned && !claims.Contains(entry.ClientId))
            {
                if (from.Clients.Count + claims.Count >= Options.MaxAwarenessClientsPerConnection)
                {
                    violation ??= $"A connection may set at most {Options.MaxAwarenessClientsPerConnection} awareness states.";
                    continue;
                }
                claims.Add(entry.ClientId);
            }
            accepted.Add(entry);
        }
        if (violation is not null)
        {
            Log.AwarenessRefused(logger, roomId, from.Peer.ConnectionId, violation);
            if (from.Peer.Transport == EditorTransport.Hub) return EditorReply.Rejected(violation);
        }
        if (accepted.Count == 0) return EditorReply.Empty;

        foreach (var client in claims)
        {
            if (_awarenessOwners.TryGetValue(client, out var previous) && _peers.TryGetValue(previous, out var earlier))
                earlier.Clients.Remove(client);
            from.Clients.Add(client);
            _awarenessOwners[client] = from.Peer.ConnectionId;
        }
        var change = awareness.Apply(accepted, Now);
        // A y-websocket sender gets its own states back, as from y-websocket's server: its liveness check counts them.
        var except = from.Peer.Transport == EditorTransport.WebSocket ? null : from.Peer;
        if (!change.IsEmpty) await BroadcastAsync(Frames.Awareness(Awareness.EncodeUpdate(accepted)), except);
        return EditorReply.Empty;
    }

    /// <summary>
    /// True when another connection owns the client id. A participant's new hub connection takes over the ids of
    /// its earlier one (a reconnect the server has not noticed yet), so only other people's ids are off limits.
    /// </summary>
    private bool OwnedByOtherParticipant(ulong client, PeerState from)
    {
        if (!_awarenessOwners.TryGetValue(client, out var owner) || !_peers.TryGetValue(owner, out var state)) return false;
        return from.Peer.ParticipantId is null || state.Peer.ParticipantId != from.Peer.ParticipantId;
    }
}
