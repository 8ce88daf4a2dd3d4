using System.Runtime.CompilerServices;
using Interview.Crdt.Encoding;
using Interview.Crdt.Structs;
using Interview.Crdt.Types;

namespace Interview.Crdt;

public sealed partial class Doc
{
    /// <summary>
    /// End of a transaction, in yjs's order: observers, deep observers, afterTransaction; then garbage collection
    /// of what was deleted, merging of neighbouring structs, and the update event.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Cleanup(Transaction t)
    {
        var ds = t.DeleteSet;
        ds.SortAndMerge();
        t.AfterState = Store.GetStateVector();
        try
        {
            CallObservers(t);
            AfterTransaction?.Invoke(this, t);
        }
        finally
        {
            if (Gc) TryGcDeleteSet(ds);
            TryMergeDeleteSet(ds);
            foreach (var (client, clock) in t.AfterState)
            {
                var before = t.BeforeStateOf(client);
                if (before == clock) continue;
                var structs = Store.Clients[client];
                var firstChangePos = Math.Max(StructStore.FindIndex(structs, before), 1);
                for (var i = structs.Count - 1; i >= firstChangePos;) i -= 1 + StructStore.TryToMergeWithLefts(structs, i);
            }
            for (var i = t.MergeStructCount - 1; i >= 0; i--)
            {
                var id = t.MergeStructs[i].Id;
                var structs = Store.Clients[id.Client];
                var replacedPos = StructStore.FindIndex(structs, id.Clock);
                if (replacedPos + 1 < structs.Count && StructStore.TryToMergeWithLefts(structs, replacedPos + 1) > 1) continue;
                if (replacedPos > 0) StructStore.TryToMergeWithLefts(structs, replacedPos);
            }
            if (!t.Local && t.AfterState.GetValueOrDefault(ClientId) != t.BeforeStateOf(ClientId)) ClientId = NewClientId();
            if (Update is { } handler && HasContent(t))
            {
                using var w = new VarWriter();
                var encoder = new UpdateEncoderV1(w);
                Updates.WriteClientsStructs(encoder, Store, t.BeforeState);
                ds.Write(encoder);
                handler(this, new UpdateEventArgs(w.ToArray(), t.Origin, t));
            }
        }
    }

    private static bool HasContent(Transaction t)
    {
        if (!t.DeleteSet.IsEmpty) return true;
        foreach (var (client, clock) in t.AfterState)
            if (!t.BeforeState.TryGetValue(client, out var b) || b != clock) return true;
        return false;
    }

    private void CallObservers(Transaction t)
    {
        if (t.Changed.Count == 0) return;
        foreach (var (type, subs) in t.Changed.ToArray())
            if (type.Item is null || !type.Item.Deleted) type.CallObserver(t, subs);
        if (!t.HasChangedParentTypes) return;
        foreach (var (type, events) in t.ChangedParentTypes.ToArray())
        {
            if (!type.HasDeepObservers || (type.Item is not null && type.Item.Deleted)) continue;
            var live = events.Where(e => e.Target.Item is null || !e.Target.Item.Deleted).ToList();
            foreach (var e in live) e.CurrentTarget = type;
            live.Sort((a, b) => a.Path.Count.CompareTo(b.Path.Count));
            type.CallDeepObservers(live, t);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TryGcDeleteSet(DeleteSet ds)
    {
        foreach (var (client, dels) in ds.Clients)
        {
            var structs = Store.Clients[client];
            for (var di = dels.Count - 1; di >= 0; di--)
            {
                var d = dels[di];
                var end = d.Clock + d.Len;
                for (var si = StructStore.FindIndex(structs, d.Clock); si < structs.Count; si++)
                {
                    var s = structs[si];
                    if (s.Id.Clock >= end) break;
                    if (s is Item { Deleted: true, Keep: false } item) item.Gc(Store, false);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TryMergeDeleteSet(DeleteSet ds)
    {
        foreach (var (client, dels) in ds.Clients)
        {
            var structs = Store.Clients[client];
            for (var di = dels.Count - 1; di >= 0; di--)
            {
                var d = dels[di];
                var mostRight = Math.Min(structs.Count - 1, 1 + StructStore.FindIndex(structs, d.Clock + d.Len - 1));
                for (var si = mostRight; si > 0 && structs[si].Id.Clock >= d.Clock;)
                    si -= 1 + StructStore.TryToMergeWithLefts(structs, si);
            }
        }
    }
}
