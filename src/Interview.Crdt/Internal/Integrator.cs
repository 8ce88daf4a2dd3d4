using Interview.Crdt.Structs;

namespace Interview.Crdt.Internal;

/// <summary>
/// Integrates decoded structs in yjs's order (highest client first, following dependencies with a stack) and
/// sets aside what cannot be integrated yet (yjs <c>integrateStructs</c> / <c>readUpdateV2</c>).
/// </summary>
internal static class Integrator
{
    private sealed class Refs(List<AbstractStruct> list)
    {
        public List<AbstractStruct> List = list;
        public int I;
    }

    public static void Apply(Transaction t, DecodedUpdate update)
    {
        var store = t.Doc.Store;
        var rest = IntegrateStructs(t, store, update.Structs);
        var pending = store.Pending;
        if (pending is not null)
        {
            if (rest is not null)
            {
                foreach (var (client, clock) in rest.Missing) pending.AddMissing(client, clock);
                pending.Merge(rest.Structs);
            }
        }
        else store.Pending = rest;
        // yjs retries when what was pending became applicable; checking the merged set too means a fully
        // delivered set of updates never stays stuck (yjs 13.6 can leave it pending for some delivery orders).
        var retry = Unblocked(store);

        ApplyDeleteSets(t, store, update.DeleteSet);

        while (retry)
        {
            // Re-read what was pending, within the same transaction, as yjs does with applyUpdate(pending.update).
            var again = store.Pending!;
            store.Pending = null;
            var rest2 = IntegrateStructs(t, store, again.Structs);
            store.Pending = rest2;
            ApplyDeleteSets(t, store, new DeleteSet());
            retry = Unblocked(store);
        }
    }

    private static bool Unblocked(StructStore store)
    {
        if (store.Pending is not { } pending) return false;
        foreach (var (client, clock) in pending.Missing)
            if (clock < store.GetState(client)) return true;
        return false;
    }

    private static void ApplyDeleteSets(Transaction t, StructStore store, DeleteSet ds)
    {
        var unapplied = ds.Apply(t, store);
        if (store.PendingDs is { } pendingDs)
        {
            var unapplied2 = pendingDs.Apply(t, store);
            store.PendingDs = unapplied is not null && unapplied2 is not null ? DeleteSet.Merge(unapplied, unapplied2) : unapplied ?? unapplied2;
        }
        else store.PendingDs = unapplied;
    }

    private static PendingStructs? IntegrateStructs(Transaction t, StructStore store, Dictionary<ulong, List<AbstractStruct>> structs)
    {
        if (structs.Count == 0) return null;
        var refsByClient = new Dictionary<ulong, Refs>(structs.Count);
        foreach (var (client, list) in structs) refsByClient[client] = new Refs(list);
        var ids = refsByClient.Keys.Order().ToList();
        var stack = new List<AbstractStruct>();
        PendingStructs? rest = null;
        var state = new Dictionary<ulong, int>();

        Refs? NextTarget()
        {
            while (ids.Count > 0)
            {
                var target = refsByClient[ids[^1]];
                if (target.I < target.List.Count) return target;
                ids.RemoveAt(ids.Count - 1);
            }
            return null;
        }

        void AddStackToRest()
        {
            rest ??= new PendingStructs();
            foreach (var item in stack)
            {
                var client = item.Id.Client;
                if (refsByClient.TryGetValue(client, out var inapplicable))
                {
                    inapplicable.I--;
                    rest.Structs[client] = inapplicable.List.GetRange(inapplicable.I, inapplicable.List.Count - inapplicable.I);
                    refsByClient.Remove(client);
                    inapplicable.I = 0;
                    inapplicable.List = [];
                }
                else rest.Structs[client] = [item];
                ids.Remove(client);
            }
            stack.Clear();
        }

        var current = NextTarget();
        if (current is null) return null;
        var head = current.List[current.I++];
        while (true)
        {
            if (head is not Skip)
            {
                var client = head.Id.Client;
                if (!state.TryGetValue(client, out var localClock)) state[client] = localClock = store.GetState(client);
                var offset = localClock - head.Id.Clock;
                if (offset < 0)
                {
                    stack.Add(head);
                    (rest ??= new PendingStructs()).AddMissing(client, head.Id.Clock - 1);
                    AddStackToRest();
                }
                else
                {
                    var missing = head.GetMissing(t, store);
                    if (missing is { } m)
                    {
                        stack.Add(head);
                        if (!refsByClient.TryGetValue(m, out var refs) || refs.I == refs.List.Count)
                        {
                            (rest ??= new PendingStructs()).AddMissing(m, store.GetState(m));
                            AddStackToRest();
                        }
                        else
                        {
                            head = refs.List[refs.I++];
                            continue;
                        }
                    }
                    else if (offset == 0 || offset < head.Length)
                    {
                        head.Integrate(t, offset);
                        state[client] = head.Id.Clock + head.Length;
                    }
                }
            }
            if (stack.Count > 0)
            {
                head = stack[^1];
                stack.RemoveAt(stack.Count - 1);
            }
            else if (current is not null && current.I < current.List.Count) head = current.List[current.I++];
            else
            {
                current = NextTarget();
                if (current is null) break;
                head = current.List[current.I++];
            }
        }
        return rest;
    }
}
