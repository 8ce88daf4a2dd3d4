using System.Runtime.CompilerServices;
using Interview.Crdt.Encoding;
using Interview.Crdt.Structs;

namespace Interview.Crdt;

/// <summary>A deleted clock range of one client.</summary>
internal record struct DeleteItem(int Clock, int Len);

/// <summary>Deleted ranges per client (yjs <c>DeleteSet</c>): sorted and merged before they are written.</summary>
internal sealed class DeleteSet
{
    public readonly Dictionary<ulong, List<DeleteItem>> Clients = [];

    public bool IsEmpty => Clients.Count == 0;

    public void Add(ulong client, int clock, int len)
    {
        if (!Clients.TryGetValue(client, out var list)) Clients[client] = list = [];
        list.Add(new DeleteItem(clock, len));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SortAndMerge()
    {
        foreach (var list in Clients.Values) SortAndMerge(list);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortAndMerge(List<DeleteItem> dels)
    {
        if (dels.Count > 1) dels.Sort((a, b) => a.Clock.CompareTo(b.Clock));
        int i, j;
        for (i = 1, j = 1; i < dels.Count; i++)
        {
            var left = dels[j - 1];
            var right = dels[i];
            if (left.Clock + left.Len >= right.Clock)
                dels[j - 1] = left with { Len = Math.Max(left.Len, right.Clock + right.Len - left.Clock) };
            else
            {
                if (j < i) dels[j] = right;
                j++;
            }
        }
        if (dels.Count > 0 && j < dels.Count) dels.RemoveRange(j, dels.Count - j);
    }

    public bool IsDeleted(Id id)
    {
        if (!Clients.TryGetValue(id.Client, out var dels)) return false;
        int left = 0, right = dels.Count - 1;
        while (left <= right)
        {
            var mid = (left + right) >> 1;
            var d = dels[mid];
            if (d.Clock <= id.Clock)
            {
                if (id.Clock < d.Clock + d.Len) return true;
                left = mid + 1;
            }
            else right = mid - 1;
        }
        return false;
    }

    /// <summary>Union of several delete sets, sorted and merged.</summary>
    public static DeleteSet Merge(params DeleteSet[] sets)
    {
        var merged = new DeleteSet();
        foreach (var ds in sets)
            foreach (var (client, dels) in ds.Clients)
                foreach (var d in dels) merged.Add(client, d.Clock, d.Len);
        merged.SortAndMerge();
        return merged;
    }

    /// <summary>Deleted ranges of a store: every deleted item and GC, runs joined (yjs <c>createDeleteSetFromStructStore</c>).</summary>
    public static DeleteSet FromStore(StructStore store)
    {
        var ds = new DeleteSet();
        foreach (var (client, structs) in store.Clients)
        {
            List<DeleteItem>? list = null;
            for (var i = 0; i < structs.Count; i++)
            {
                var s = structs[i];
                if (!s.Deleted) continue;
                var clock = s.Id.Clock;
                var len = s.Length;
                while (i + 1 < structs.Count && structs[i + 1].Deleted) len += structs[++i].Length;
                (list ??= []).Add(new DeleteItem(clock, len));
            }
            if (list is not null) ds.Clients[client] = list;
        }
        return ds;
    }

    /// <summary>count • (client • count • (clock • len)*)*, clients in descending order.</summary>
    public void Write(UpdateEncoderV1 encoder)
    {
        encoder.Rest.WriteVarUint((ulong)Clients.Count);
        foreach (var client in Clients.Keys.OrderDescending())
        {
            var dels = Clients[client];
            encoder.Rest.WriteVarUint(client);
            encoder.Rest.WriteVarUint((ulong)dels.Count);
            foreach (var d in dels)
            {
                encoder.WriteDsClock(d.Clock);
                encoder.WriteDsLen(d.Len);
            }
        }
    }

    public static DeleteSet Read(UpdateDecoderV1 decoder)
    {
        var ds = new DeleteSet();
        var n = decoder.Rest.ReadCount();
        for (var i = 0; i < n; i++)
        {
            var client = decoder.ReadClient();
            var count = decoder.Rest.ReadCount();
            if (!ds.Clients.TryGetValue(client, out var list)) ds.Clients[client] = list = new List<DeleteItem>(Math.Min(count, 1024));
            for (var j = 0; j < count; j++)
            {
                var clock = decoder.ReadDsClock();
                var len = decoder.ReadDsLen();
                if ((long)clock + len > UpdateDecoderV1.MaxClock) throw new CrdtFormatException("delete range out of range");
                if (len > 0) list.Add(new DeleteItem(clock, len));
            }
        }
        return ds;
    }

    /// <summary>
    /// Deletes what is known now and returns the ranges beyond the local state, which must wait
    /// (yjs <c>readAndApplyDeleteSet</c>).
    /// </summary>
    public DeleteSet? Apply(Transaction transaction, StructStore store)
    {
        DeleteSet? unapplied = null;
        foreach (var (client, dels) in Clients)
        {
            var state = store.GetState(client);
            store.Clients.TryGetValue(client, out var structs);
            foreach (var d in dels)
            {
                var clock = d.Clock;
                var clockEnd = d.Clock + d.Len;
                if (clock < state)
                {
                    if (state < clockEnd) (unapplied ??= new()).Add(client, state, clockEnd - state);
                    var index = FindIndexFor(structs!, clock);
                    var s = structs![index];
                    if (!s.Deleted && s.Id.Clock < clock)
                    {
                        structs.Insert(index + 1, StructStore.SplitItem(transaction, (Item)s, clock - s.Id.Clock));
                        index++;
                    }
                    while (index < structs.Count)
                    {
                        s = structs[index++];
                        if (s.Id.Clock >= clockEnd) break;
                        if (!s.Deleted)
                        {
                            var item = (Item)s;
                            if (clockEnd < s.Id.Clock + s.Length)
                                structs.Insert(index, StructStore.SplitItem(transaction, item, clockEnd - s.Id.Clock));
                            item.Delete(transaction);
                        }
                    }
                }
                else (unapplied ??= new()).Add(client, clock, clockEnd - clock);
            }
        }
        return unapplied;
    }

    private static int FindIndexFor(List<AbstractStruct> structs, int clock) => StructStore.FindIndex(structs, clock);
}
