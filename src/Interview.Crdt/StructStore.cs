using System.Runtime.CompilerServices;
using Interview.Crdt.Internal;
using Interview.Crdt.Structs;

namespace Interview.Crdt;

/// <summary>Per client, the structs in clock order without gaps, starting at clock 0 (yjs <c>StructStore</c>).</summary>
internal sealed class StructStore
{
    public readonly Dictionary<ulong, List<AbstractStruct>> Clients = [];

    /// <summary>Structs that arrived before what they depend on, per client, in clock order.</summary>
    public PendingStructs? Pending;

    /// <summary>Deletions of clocks not yet known.</summary>
    public DeleteSet? PendingDs;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetState(ulong client)
    {
        if (!Clients.TryGetValue(client, out var structs) || structs.Count == 0) return 0;
        var last = structs[^1];
        return last.Id.Clock + last.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Dictionary<ulong, int> GetStateVector()
    {
        var sv = new Dictionary<ulong, int>(Clients.Count);
        foreach (var (client, structs) in Clients)
        {
            if (structs.Count == 0) continue;
            var last = structs[^1];
            sv[client] = last.Id.Clock + last.Length;
        }
        return sv;
    }

    public void AddStruct(AbstractStruct s)
    {
        if (!Clients.TryGetValue(s.Id.Client, out var structs))
        {
            structs = [];
            Clients[s.Id.Client] = structs;
        }
        else
        {
            var last = structs[^1];
            if (last.Id.Clock + last.Length != s.Id.Clock) throw new InvalidOperationException("struct store would have a gap");
        }
        structs.Add(s);
    }

    /// <summary>Index of the struct containing <paramref name="clock"/> (binary search with a proportional first guess).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FindIndex(List<AbstractStruct> structs, int clock)
    {
        var left = 0;
        var right = structs.Count - 1;
        var mid = structs[right];
        var midClock = mid.Id.Clock;
        if (midClock == clock) return right;
        var denom = (long)midClock + mid.Length - 1;
        var midIndex = denom > 0 ? (int)Math.Min(right, (long)clock * right / denom) : 0;
        while (left <= right)
        {
            mid = structs[midIndex];
            midClock = mid.Id.Clock;
            if (midClock <= clock)
            {
                if (clock < midClock + mid.Length) return midIndex;
                left = midIndex + 1;
            }
            else right = midIndex - 1;
            midIndex = (left + right) >> 1;
        }
        throw new InvalidOperationException($"clock {clock} not found in the struct store");
    }

    public AbstractStruct Find(Id id)
    {
        var structs = Clients[id.Client];
        return structs[FindIndex(structs, id.Clock)];
    }

    public int FindIndexCleanStart(Transaction transaction, List<AbstractStruct> structs, int clock)
    {
        var index = FindIndex(structs, clock);
        var s = structs[index];
        if (s.Id.Clock < clock && s is Item item)
        {
            structs.Insert(index + 1, SplitItem(transaction, item, clock - item.Id.Clock));
            return index + 1;
        }
        return index;
    }

    /// <summary>The struct that starts at <paramref name="id"/>, splitting an item if needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AbstractStruct GetItemCleanStart(Transaction transaction, Id id)
    {
        var structs = Clients[id.Client];
        return structs[FindIndexCleanStart(transaction, structs, id.Clock)];
    }

    /// <summary>The struct that ends at <paramref name="id"/>, splitting an item if needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AbstractStruct GetItemCleanEnd(Transaction transaction, Id id)
    {
        var structs = Clients[id.Client];
        var index = FindIndex(structs, id.Clock);
        var s = structs[index];
        if (id.Clock != s.Id.Clock + s.Length - 1 && s is Item item)
            structs.Insert(index + 1, SplitItem(transaction, item, id.Clock - item.Id.Clock + 1));
        return s;
    }

    public void ReplaceStruct(AbstractStruct old, AbstractStruct replacement)
    {
        var structs = Clients[old.Id.Client];
        structs[FindIndex(structs, old.Id.Clock)] = replacement;
    }

    /// <summary>Splits <paramref name="left"/> at <paramref name="diff"/> and returns the new right part (yjs <c>splitItem</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Item SplitItem(Transaction transaction, Item left, int diff)
    {
        var id = left.Id;
        var right = new Item(new Id(id.Client, id.Clock + diff), left, new Id(id.Client, id.Clock + diff - 1), left.Right,
            left.RightOrigin, left.ParentType, left.ParentSub, left.Content.Splice(diff));
        if (left.Deleted) right.MarkDeleted();
        if (left.Keep) right.Keep = true;
        if (left.Redone is { } redone) right.Redone = new Id(redone.Client, redone.Clock + diff);
        left.Right = right;
        if (right.Right is not null) right.Right.Left = right;
        transaction.MergeStructs.Add(right);
        if (right.ParentSub is not null && right.Right is null) right.ParentType!.Map[right.ParentSub] = right;
        left.Length = diff;
        return right;
    }

    /// <summary>
    /// Merges <c>structs[pos]</c> into its left neighbours while they can merge; returns how many were merged
    /// (yjs <c>tryToMergeWithLefts</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int TryToMergeWithLefts(List<AbstractStruct> structs, int pos)
    {
        var right = structs[pos];
        var i = pos;
        for (; i > 0; i--)
        {
            var left = structs[i - 1];
            right = structs[i];
            if (left.Deleted == right.Deleted && left.GetType() == right.GetType() && left.MergeWith(right))
            {
                if (right is Item { ParentSub: { } sub } ri && ri.ParentType is { } p && p.Map.TryGetValue(sub, out var cur) && cur == ri)
                    p.Map[sub] = (Item)left;
                continue;
            }
            break;
        }
        var merged = pos - i;
        if (merged > 0) structs.RemoveRange(pos + 1 - merged, merged);
        return merged;
    }
}
