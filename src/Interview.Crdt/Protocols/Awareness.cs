using System.Text.Json;
using Interview.Crdt.Encoding;

namespace Interview.Crdt.Protocols;

/// <summary>One client's entry in an awareness update: clock and JSON state ("null" = removed).</summary>
public readonly record struct AwarenessEntry(ulong ClientId, ulong Clock, string StateJson);

/// <summary>Who was added, updated (state changed or merely renewed) and removed by an awareness change.</summary>
public sealed record AwarenessChange(IReadOnlyList<ulong> Added, IReadOnlyList<ulong> Updated, IReadOnlyList<ulong> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Updated.Count == 0 && Removed.Count == 0;
    public IEnumerable<ulong> All => Added.Concat(Updated).Concat(Removed);
}

/// <summary>
/// y-protocols awareness: per client a clock and a JSON state, renewed at least every 15 s and dropped after
/// <see cref="OutdatedTimeout"/> of silence. Pure state: the owner passes the time and decides when to check.
/// update := varUint(#entries) • (varUint(clientID) • varUint(clock) • varString(JSON state))*.
/// </summary>
public sealed class Awareness(ulong clientId)
{
    public static readonly TimeSpan OutdatedTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<ulong, string> _states = [];
    private readonly Dictionary<ulong, (ulong Clock, DateTimeOffset LastUpdated)> _meta = [];

    /// <summary>This side's own client id (the server's doc client id, with no local state of its own).</summary>
    public ulong ClientId { get; } = clientId;

    /// <summary>Known states as JSON texts, by client id.</summary>
    public IReadOnlyDictionary<ulong, string> States => _states;

    public ulong ClockOf(ulong client) => _meta.TryGetValue(client, out var m) ? m.Clock : 0;

    public static byte[] EncodeUpdate(IEnumerable<AwarenessEntry> entries)
    {
        var list = entries.ToList();
        using var w = new VarWriter(64);
        w.WriteVarUint((ulong)list.Count);
        foreach (var e in list)
        {
            w.WriteVarUint(e.ClientId);
            w.WriteVarUint(e.Clock);
            w.WriteVarString(e.StateJson);
        }
        return w.ToArray();
    }

    public static IReadOnlyList<AwarenessEntry> DecodeUpdate(ReadOnlyMemory<byte> update)
    {
        var r = new VarReader(update);
        var n = r.ReadCount();
        var entries = new List<AwarenessEntry>(n);
        for (var i = 0; i < n; i++)
        {
            var client = r.ReadVarUint();
            var clock = r.ReadVarUint();
            var json = r.ReadVarString();
            try { using var _ = JsonDocument.Parse(json); }
            catch (JsonException) { throw new CrdtFormatException("awareness state is not JSON"); }
            entries.Add(new AwarenessEntry(client, clock, json));
        }
        return entries;
    }

    /// <summary>The current entries of <paramref name="clients"/> (all known clients when null), to broadcast.</summary>
    public byte[] EncodeUpdate(IEnumerable<ulong>? clients = null) =>
        EncodeUpdate((clients ?? _meta.Keys).Where(_meta.ContainsKey)
            .Select(c => new AwarenessEntry(c, _meta[c].Clock, _states.TryGetValue(c, out var s) ? s : "null")));

    /// <summary>Applies a remote awareness update (y-protocols <c>applyAwarenessUpdate</c>). Decodes fully first.</summary>
    public AwarenessChange ApplyUpdate(ReadOnlyMemory<byte> update, DateTimeOffset now) => Apply(DecodeUpdate(update), now);

    /// <summary>
    /// True when applying <paramref name="entry"/> would change anything: a newer clock, or a removal of a known
    /// state at the same clock. Entries that change nothing are ignored by <see cref="Apply"/>.
    /// </summary>
    public bool Changes(in AwarenessEntry entry)
    {
        var currClock = ClockOf(entry.ClientId);
        return currClock < entry.Clock || (currClock == entry.Clock && IsNull(entry.StateJson) && _states.ContainsKey(entry.ClientId));
    }

    /// <summary>Applies decoded entries (see <see cref="DecodeUpdate"/>), e.g. those the owner accepted.</summary>
    public AwarenessChange Apply(IEnumerable<AwarenessEntry> entries, DateTimeOffset now)
    {
        List<ulong> added = [], updated = [], removed = [];
        foreach (var entry in entries)
        {
            if (!Changes(entry)) continue;
            var (client, clock, json) = entry;
            var isNull = IsNull(json);
            var known = _meta.ContainsKey(client);
            if (isNull)
            {
                if (client == ClientId && _states.ContainsKey(ClientId)) clock++;
                else _states.Remove(client);
            }
            else _states[client] = json;
            _meta[client] = (clock, now);
            if (!known && !isNull) added.Add(client);
            else if (known && isNull) removed.Add(client);
            else if (!isNull) updated.Add(client);
        }
        return new AwarenessChange(added, updated, removed);
    }

    private static bool IsNull(string json) => json.Trim() == "null";

    /// <summary>Sets (or with null removes) this side's own state, bumping its clock.</summary>
    public void SetLocalState(string? stateJson, DateTimeOffset now)
    {
        var clock = _meta.TryGetValue(ClientId, out var m) ? m.Clock + 1 : 0;
        if (stateJson is null) _states.Remove(ClientId); else _states[ClientId] = stateJson;
        _meta[ClientId] = (clock, now);
    }

    /// <summary>
    /// Marks clients as gone (e.g. their connection closed; y-protocols <c>removeAwarenessStates</c>) and returns
    /// the update to broadcast so that peers drop them too.
    /// </summary>
    public (AwarenessChange Change, byte[] Update) RemoveStates(IEnumerable<ulong> clients, DateTimeOffset now)
    {
        var removed = new List<ulong>();
        foreach (var client in clients)
        {
            if (!_states.Remove(client)) continue;
            // Our own clock moves on (y-protocols); a remote clock stays, its time marks the removal.
            if (_meta.TryGetValue(client, out var m)) _meta[client] = (client == ClientId ? m.Clock + 1 : m.Clock, now);
            removed.Add(client);
        }
        var update = EncodeUpdate(removed.Select(c => new AwarenessEntry(c, ClockOf(c), "null")));
        return (new AwarenessChange([], [], removed), update);
    }

    /// <summary>
    /// Drops remote states not renewed for <see cref="OutdatedTimeout"/> (call every few seconds) and returns
    /// the update that tells peers so, or null when nothing timed out. The clocks of clients removed at least
    /// <see cref="OutdatedTimeout"/> ago are forgotten too, so a long-lived document does not keep one entry per
    /// client that ever connected (y-protocols keeps them; a server must not).
    /// </summary>
    public (AwarenessChange Change, byte[] Update)? RemoveOutdated(DateTimeOffset now)
    {
        var forgotten = _meta.Where(kv => kv.Key != ClientId && !_states.ContainsKey(kv.Key) && now - kv.Value.LastUpdated >= OutdatedTimeout)
            .Select(kv => kv.Key).ToList();
        foreach (var client in forgotten) _meta.Remove(client);
        var outdated = _meta.Where(kv => kv.Key != ClientId && now - kv.Value.LastUpdated >= OutdatedTimeout && _states.ContainsKey(kv.Key))
            .Select(kv => kv.Key).ToList();
        if (outdated.Count == 0) return null;
        return RemoveStates(outdated, now);
    }
}
