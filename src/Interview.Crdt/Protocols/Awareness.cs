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
    public AwarenessChange ApplyUpdate(ReadOnlyMemory<byte> update, DateTimeOffset now)
    {
        var entries = DecodeUpdate(update);
        List<ulong> added = [], updated = [], removed = [];
        foreach (var (client, entryClock, json) in entries)
        {
            var clock = entryClock;
            var isNull = json.Trim() == "null";
            var known = _meta.TryGetValue(client, out var meta);
            var currClock = known ? meta.Clock : 0;
            if (currClock < clock || (currClock == clock && isNull && _states.ContainsKey(client)))
            {
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
        }
        return new AwarenessChange(added, updated, removed);
    }

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
            if (client == ClientId && _meta.TryGetValue(client, out var m)) _meta[client] = (m.Clock + 1, now);
            removed.Add(client);
        }
        var update = EncodeUpdate(removed.Select(c => new AwarenessEntry(c, ClockOf(c), "null")));
        return (new AwarenessChange([], [], removed), update);
    }

    /// <summary>
    /// Drops remote states not renewed for <see cref="OutdatedTimeout"/> (call every few seconds) and returns
    /// the update that tells peers so, or null when nothing timed out.
    /// </summary>
    public (AwarenessChange Change, byte[] Update)? RemoveOutdated(DateTimeOffset now)
    {
        var outdated = _meta.Where(kv => kv.Key != ClientId && now - kv.Value.LastUpdated >= OutdatedTimeout && _states.ContainsKey(kv.Key))
            .Select(kv => kv.Key).ToList();
        if (outdated.Count == 0) return null;
        return RemoveStates(outdated, now);
    }
}
