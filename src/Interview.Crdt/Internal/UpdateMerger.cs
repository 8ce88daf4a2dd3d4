using Interview.Crdt.Encoding;
using Interview.Crdt.Structs;
using GC = Interview.Crdt.Structs.GC;

namespace Interview.Crdt.Internal;

/// <summary>
/// Encodes a doc's state together with what it still holds as pending, the way yjs does it: the state update,
/// the pending delete set and the pending structs (diffed against the target state vector) are merged as
/// yjs <c>mergeUpdates</c> merges them (per client in clock order, overlaps cut, gaps written as Skip,
/// adjacent GC ranges joined).
/// </summary>
internal static class UpdateMerger
{
    private sealed class Write(AbstractStruct s, int offset)
    {
        public AbstractStruct Struct = s;
        public int Offset = offset;
        public int Clock => Struct.Id.Clock + Offset;
        public int End => Struct.Id.Clock + Struct.Length;
    }

    public static byte[] EncodeWithPending(Doc doc, IReadOnlyDictionary<ulong, int> sv)
    {
        var store = doc.Store;
        // Source 1: the state update (structs the target lacks), in store order.
        var perClient = new Dictionary<ulong, List<Write>>();
        foreach (var (client, structs) in store.Clients)
        {
            if (structs.Count == 0) continue;
            var clock = sv.TryGetValue(client, out var c) ? c : 0;
            if (store.GetState(client) <= clock) continue;
            clock = Math.Max(clock, structs[0].Id.Clock);
            var start = StructStore.FindIndex(structs, clock);
            var list = Get(perClient, client);
            list.Add(Copy(structs[start], clock - structs[start].Id.Clock));
            for (var i = start + 1; i < structs.Count; i++) list.Add(Copy(structs[i], 0));
        }
        // Source 3: pending structs diffed against the target (source 2, the pending deletes, has no structs).
        if (store.Pending is { } pending)
        {
            foreach (var (client, structs) in pending.Structs)
            {
                var svClock = sv.TryGetValue(client, out var c) ? c : 0;
                var first = true;
                foreach (var s in structs)
                {
                    if (s is Skip) continue;
                    if (first && s.Id.Clock + s.Length <= svClock) continue;
                    var list = Get(perClient, client);
                    list.Add(Copy(s, first ? Math.Max(svClock - s.Id.Clock, 0) : 0));
                    first = false;
                }
            }
        }
        using var w = new VarWriter(1024);
        var encoder = new UpdateEncoderV1(w);
        var sections = new List<(ulong Client, List<Write> Structs)>();
        foreach (var client in perClient.Keys.OrderDescending())
        {
            var list = perClient[client];
            // Stable: ties keep source order (state before pending).
            var sorted = list.Select((x, i) => (x, i)).OrderBy(t => t.x.Clock).ThenBy(t => t.i).Select(t => t.x).ToList();
            sections.Add((client, MergeClient(client, sorted)));
        }
        WriteSections(w, encoder, sections);
        var ds = DeleteSet.FromStore(store);
        (store.PendingDs is { } pds ? DeleteSet.Merge(ds, pds) : DeleteSet.Merge(ds)).Write(encoder);
        return w.ToArray();
    }

    /// <summary>yjs <c>mergeUpdates</c> for v1 updates, without a doc.</summary>
    public static byte[] MergeUpdates(IReadOnlyList<ReadOnlyMemory<byte>> updates)
    {
        if (updates.Count == 1) return updates[0].ToArray();
        var decoded = updates.Select(u => DecodedUpdate.Read(u)).ToList();
        var perClient = new Dictionary<ulong, List<Write>>();
        foreach (var d in decoded)
            foreach (var (client, structs) in d.Structs)
                foreach (var s in structs)
                    if (s is not Skip) Get(perClient, client).Add(Copy(s, 0));
        using var w = new VarWriter(1024);
        var encoder = new UpdateEncoderV1(w);
        var sections = new List<(ulong Client, List<Write> Structs)>();
        foreach (var client in perClient.Keys.OrderDescending())
        {
            var sorted = perClient[client].Select((x, i) => (x, i)).OrderBy(t => t.x.Clock).ThenBy(t => t.i).Select(t => t.x).ToList();
            sections.Add((client, MergeClient(client, sorted)));
        }
        WriteSections(w, encoder, sections);
        DeleteSet.Merge(decoded.Select(d => d.DeleteSet).ToArray()).Write(encoder);
        return w.ToArray();
    }

    /// <summary>yjs <c>diffUpdate</c>: the part of an update that a peer at <paramref name="sv"/> lacks, without a doc.</summary>
    public static byte[] DiffUpdate(ReadOnlyMemory<byte> update, IReadOnlyDictionary<ulong, int> sv)
    {
        var decoded = DecodedUpdate.Read(update);
        var sections = new List<(ulong Client, List<Write> Structs)>();
        foreach (var (client, structs) in decoded.Structs)
        {
            var svClock = sv.TryGetValue(client, out var c) ? c : 0;
            var writes = new List<Write>();
            foreach (var s in structs)
            {
                if (writes.Count == 0)
                {
                    if (s is Skip || s.Id.Clock + s.Length <= svClock) continue;
                    writes.Add(new Write(s, Math.Max(svClock - s.Id.Clock, 0)));
                }
                else writes.Add(new Write(s, 0));
            }
            if (writes.Count > 0) sections.Add((client, writes));
        }
        using var w = new VarWriter(update.Length + 16);
        var encoder = new UpdateEncoderV1(w);
        WriteSections(w, encoder, sections);
        decoded.DeleteSet.Write(encoder);
        return w.ToArray();
    }

    private static void WriteSections(VarWriter w, UpdateEncoderV1 encoder, List<(ulong Client, List<Write> Structs)> sections)
    {
        w.WriteVarUint((ulong)sections.Count);
        foreach (var (client, writes) in sections)
        {
            w.WriteVarUint((ulong)writes.Count);
            encoder.WriteClient(client);
            w.WriteVarUint((ulong)writes[0].Clock);
            foreach (var x in writes)
            {
                if (x.Struct is Item item) item.WriteAsDecoded(encoder, x.Offset);
                else x.Struct.Write(encoder, x.Offset);
            }
        }
    }

    private static List<Write> Get(Dictionary<ulong, List<Write>> d, ulong client)
    {
        if (!d.TryGetValue(client, out var l)) d[client] = l = [];
        return l;
    }

    // GC and Skip lengths change when merged: work on copies, never on the store's structs.
    private static Write Copy(AbstractStruct s, int offset) => s switch
    {
        GC => new Write(new GC(new Id(s.Id.Client, s.Id.Clock + offset), s.Length - offset), 0),
        Skip => new Write(new Skip(new Id(s.Id.Client, s.Id.Clock + offset), s.Length - offset), 0),
        _ => new Write(s, offset),
    };

    private static List<Write> MergeClient(ulong client, List<Write> sorted)
    {
        var output = new List<Write>();
        Write? current = null;
        foreach (var next in sorted)
        {
            if (current is null) { current = next; continue; }
            if (next.End <= current.End) continue; // already covered
            if (current.End < next.Clock)
            {
                output.Add(current);
                current = new Write(new Skip(new Id(client, current.End), next.Clock - current.End), 0);
                output.Add(current);
                current = next;
                continue;
            }
            var x = next;
            var diff = current.End - next.Clock;
            if (diff > 0)
            {
                if (current.Struct is Skip) current.Struct.Length -= diff;
                else x = Copy(next.Struct, next.Offset + diff);
            }
            if (current.Offset == 0 && x.Offset == 0 && current.Struct is GC or Skip && current.Struct.GetType() == x.Struct.GetType())
            {
                current.Struct.Length += x.Struct.Length;
                continue;
            }
            output.Add(current);
            current = x;
        }
        if (current is not null) output.Add(current);
        return output;
    }
}
