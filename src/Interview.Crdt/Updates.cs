using Interview.Crdt.Encoding;
using Interview.Crdt.Internal;
using Interview.Crdt.Structs;

namespace Interview.Crdt;

/// <summary>
/// Yjs update format v1 (yjs <c>encoding.js</c>):
/// <c>update := varUint(#clients) • (varUint(#structs) • varUint(client) • varUint(clock) • struct*)* • deleteSet</c>,
/// clients in descending id order.
/// </summary>
public static class Updates
{
    /// <summary>Everything the doc has that a peer at <paramref name="encodedStateVector"/> lacks (all of it when null).</summary>
    public static byte[] EncodeStateAsUpdate(Doc doc, ReadOnlySpan<byte> encodedStateVector = default)
    {
        var sv = encodedStateVector.IsEmpty ? new Dictionary<ulong, int>() : DecodeStateVector(encodedStateVector.ToArray());
        using var w = new VarWriter(1024);
        var encoder = new UpdateEncoderV1(w);
        var store = doc.Store;
        if (store.Pending is null && store.PendingDs is null)
        {
            WriteClientsStructs(encoder, store, sv);
            DeleteSet.FromStore(store).Write(encoder);
            return w.ToArray();
        }
        return UpdateMerger.EncodeWithPending(doc, sv);
    }

    /// <summary>The doc's state vector: <c>varUint(#clients) • (varUint(client) • varUint(clock))*</c>, descending client ids.</summary>
    public static byte[] EncodeStateVector(Doc doc) => EncodeStateVector(doc.Store.GetStateVector());

    public static byte[] EncodeStateVector(IReadOnlyDictionary<ulong, int> sv)
    {
        using var w = new VarWriter(16 + sv.Count * 8);
        w.WriteVarUint((ulong)sv.Count);
        foreach (var client in sv.Keys.OrderDescending())
        {
            w.WriteVarUint(client);
            w.WriteVarUint((ulong)sv[client]);
        }
        return w.ToArray();
    }

    public static Dictionary<ulong, int> DecodeStateVector(ReadOnlyMemory<byte> encoded)
    {
        var decoder = new UpdateDecoderV1(new VarReader(encoded));
        var n = decoder.Rest.ReadCount();
        var sv = new Dictionary<ulong, int>(Math.Min(n, 1024));
        for (var i = 0; i < n; i++)
        {
            var client = decoder.ReadClient();
            sv[client] = decoder.ReadClock();
        }
        return sv;
    }

    /// <summary>
    /// Applies a v1 update in one transaction (not local, with <paramref name="origin"/>). Structs whose
    /// dependencies are missing wait as pending. A malformed update throws <see cref="CrdtFormatException"/>
    /// before anything changes.
    /// </summary>
    public static void ApplyUpdate(Doc doc, ReadOnlyMemory<byte> update, object? origin = null)
    {
        var decoded = DecodedUpdate.Read(update);
        doc.Transact(t => Integrator.Apply(t, decoded), origin, false);
    }

    public static void ApplyUpdate(Doc doc, byte[] update, object? origin = null) => ApplyUpdate(doc, (ReadOnlyMemory<byte>)update, origin);

    /// <summary>Checks that <paramref name="update"/> decodes as a v1 update, without applying it.</summary>
    public static void Validate(ReadOnlyMemory<byte> update) => DecodedUpdate.Read(update);

    /// <summary>The state vector an update would produce on an empty doc (yjs <c>encodeStateVectorFromUpdate</c>).</summary>
    public static byte[] EncodeStateVectorFromUpdate(ReadOnlyMemory<byte> update)
    {
        var decoded = DecodedUpdate.Read(update);
        var sv = new Dictionary<ulong, int>();
        foreach (var (client, structs) in decoded.Structs)
        {
            var clock = 0;
            foreach (var s in structs)
            {
                if (s is Skip || s.Id.Clock > clock) break;
                clock = s.Id.Clock + s.Length;
            }
            if (clock > 0) sv[client] = clock;
        }
        return EncodeStateVector(sv);
    }

    /// <summary>Merges v1 updates into one, as yjs <c>mergeUpdates</c> does (no doc needed; a single update is returned as is).</summary>
    public static byte[] MergeUpdates(params byte[][] updates) => UpdateMerger.MergeUpdates(updates.Select(u => (ReadOnlyMemory<byte>)u).ToList());

    /// <summary>The part of <paramref name="update"/> a peer with <paramref name="encodedStateVector"/> lacks (yjs <c>diffUpdate</c>).</summary>
    public static byte[] DiffUpdate(ReadOnlyMemory<byte> update, ReadOnlyMemory<byte> encodedStateVector) =>
        UpdateMerger.DiffUpdate(update, DecodeStateVector(encodedStateVector));

    internal static void WriteClientsStructs(UpdateEncoderV1 encoder, StructStore store, IReadOnlyDictionary<ulong, int> targetSv)
    {
        var sm = new List<(ulong Client, int Clock)>();
        foreach (var (client, clock) in targetSv)
            if (store.GetState(client) > clock) sm.Add((client, clock));
        foreach (var (client, structs) in store.Clients)
            if (structs.Count > 0 && !targetSv.ContainsKey(client)) sm.Add((client, 0));
        sm.Sort((a, b) => b.Client.CompareTo(a.Client));
        encoder.Rest.WriteVarUint((ulong)sm.Count);
        foreach (var (client, clock) in sm) WriteStructs(encoder, store.Clients[client], client, clock);
    }

    private static void WriteStructs(UpdateEncoderV1 encoder, List<AbstractStruct> structs, ulong client, int clock)
    {
        clock = Math.Max(clock, structs[0].Id.Clock);
        var start = StructStore.FindIndex(structs, clock);
        encoder.Rest.WriteVarUint((ulong)(structs.Count - start));
        encoder.WriteClient(client);
        encoder.Rest.WriteVarUint((ulong)clock);
        var first = structs[start];
        first.Write(encoder, clock - first.Id.Clock);
        for (var i = start + 1; i < structs.Count; i++) structs[i].Write(encoder, 0);
    }
}
