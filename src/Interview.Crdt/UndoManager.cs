using Interview.Crdt.Structs;
using Interview.Crdt.Types;

namespace Interview.Crdt;

/// <summary>
/// Undo/redo of changes to a set of shared types (yjs <c>UndoManager</c>): tracks transactions whose origin is
/// tracked (by default local changes with a null origin), groups changes made within
/// <see cref="CaptureTimeout"/> into one step, and keeps undoable deleted content from being collected.
/// </summary>
public sealed class UndoManager : IDisposable
{
    private sealed class StackItem(DeleteSet deletions, DeleteSet insertions)
    {
        public DeleteSet Deletions = deletions;
        public DeleteSet Insertions = insertions;
    }

    private readonly Doc _doc;
    private readonly List<AbstractType> _scope = [];
    private readonly HashSet<object?> _trackedOrigins;
    private readonly List<StackItem> _undoStack = [];
    private readonly List<StackItem> _redoStack = [];
    private bool _undoing, _redoing;
    private StackItem? _current;
    private long _lastChange;

    public UndoManager(IEnumerable<AbstractType> scope, TimeSpan? captureTimeout = null, IEnumerable<object?>? trackedOrigins = null)
    {
        foreach (var type in scope)
        {
            _scope.Add(type);
        }
        _doc = _scope.Count > 0 ? _scope[0].RequireDoc() : throw new ArgumentException("empty scope", nameof(scope));
        CaptureTimeout = captureTimeout ?? TimeSpan.FromMilliseconds(500);
        _trackedOrigins = new HashSet<object?>(trackedOrigins ?? [null]) { this };
        _doc.AfterTransaction += OnAfterTransaction;
    }

    public UndoManager(AbstractType type, TimeSpan? captureTimeout = null) : this([type], captureTimeout) { }

    public TimeSpan CaptureTimeout { get; set; }
    public bool CanUndo => _undoStack.Count > 0;
    public bool CanRedo => _redoStack.Count > 0;
    public int UndoStackSize => _undoStack.Count;

    /// <summary>The next change starts a new undo step even within the capture timeout.</summary>
    public void StopCapturing() => _lastChange = 0;

    public void Dispose() => _doc.AfterTransaction -= OnAfterTransaction;

    private bool InScope(Item item) => _scope.Any(type => IsParentOf(type, item));

    private static bool IsParentOf(AbstractType parent, Item? child)
    {
        while (child is not null)
        {
            if (child.ParentType == parent) return true;
            child = child.ParentType?.Item;
        }
        return false;
    }

    private static void KeepItem(Item? item, bool keep)
    {
        while (item is not null && item.Keep != keep)
        {
            item.Keep = keep;
            item = item.ParentType?.Item;
        }
    }

    private static void IterateDeletedStructs(Transaction t, DeleteSet ds, Action<AbstractStruct> f)
    {
        foreach (var (client, dels) in ds.Clients)
        {
            if (!t.Doc.Store.Clients.TryGetValue(client, out var structs) || structs.Count == 0) continue;
            var last = structs[^1];
            var state = last.Id.Clock + last.Length;
            foreach (var del in dels)
            {
                if (del.Clock >= state) break;
                IterateStructs(t, structs, del.Clock, del.Len, f);
            }
        }
    }

    private static void IterateStructs(Transaction t, List<AbstractStruct> structs, int clockStart, int len, Action<AbstractStruct> f)
    {
        if (len == 0) return;
        var store = t.Doc.Store;
        var clockEnd = clockStart + len;
        var index = store.FindIndexCleanStart(t, structs, clockStart);
        AbstractStruct s;
        do
        {
            s = structs[index++];
            if (clockEnd < s.Id.Clock + s.Length) store.FindIndexCleanStart(t, structs, clockEnd);
            f(s);
        } while (index < structs.Count && structs[index].Id.Clock < clockEnd);
    }

    private bool ScopeChanged(Transaction t)
    {
        foreach (var type in t.Changed.Keys)
        {
            if (type.Item is not null && type.Item.Deleted) continue;
            for (AbstractType? x = type; x is not null; x = x.Item?.ParentType)
                if (_scope.Contains(x)) return true;
        }
        return false;
    }

    private void OnAfterTransaction(object? sender, Transaction t)
    {
        // As in yjs, an update applied without an origin has origin null and is tracked: apply remote updates
        // with an origin (the connection) to keep them out of the undo stack.
        if (!ScopeChanged(t) || !_trackedOrigins.Contains(t.Origin)) return;
        var stack = _undoing ? _redoStack : _undoStack;
        if (_undoing) StopCapturing();
        else if (!_redoing) ClearRedo();
        var insertions = new DeleteSet();
        foreach (var (client, end) in t.AfterState)
        {
            var start = t.BeforeStateOf(client);
            if (end > start) insertions.Add(client, start, end - start);
        }
        var now = Environment.TickCount64;
        if (_lastChange > 0 && now - _lastChange < CaptureTimeout.TotalMilliseconds && stack.Count > 0 && !_undoing && !_redoing)
        {
            var last = stack[^1];
            last.Deletions = DeleteSet.Merge(last.Deletions, t.DeleteSet);
            last.Insertions = DeleteSet.Merge(last.Insertions, insertions);
        }
        else stack.Add(new StackItem(DeleteSet.Merge(t.DeleteSet), insertions));
        if (!_undoing && !_redoing) _lastChange = now;
        IterateDeletedStructs(t, t.DeleteSet, s =>
        {
            if (s is Item item && InScope(item)) KeepItem(item, true);
        });
    }

    private void ClearRedo()
    {
        if (_redoStack.Count == 0) return;
        _doc.Transact(t =>
        {
            foreach (var item in _redoStack)
                IterateDeletedStructs(t, item.Deletions, s => { if (s is Item i && InScope(i)) KeepItem(i, false); });
            _redoStack.Clear();
        });
    }

    /// <summary>Undoes the last step; false when there was nothing (left) to undo.</summary>
    public bool Undo()
    {
        _undoing = true;
        try { return Pop(_undoStack); }
        finally { _undoing = false; }
    }

    /// <summary>Redoes the last undone step; false when there was nothing to redo.</summary>
    public bool Redo()
    {
        _redoing = true;
        try { return Pop(_redoStack); }
        finally { _redoing = false; }
    }

    private bool Pop(List<StackItem> stack)
    {
        _doc.Transact(t =>
        {
            while (stack.Count > 0 && _current is null)
            {
                var store = _doc.Store;
                var stackItem = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                var itemsToRedo = new List<Item>();
                var redoSet = new HashSet<Item>(ReferenceEqualityComparer.Instance);
                var itemsToDelete = new List<Item>();
                var performed = false;
                IterateDeletedStructs(t, stackItem.Insertions, s =>
                {
                    if (s is not Item item) return;
                    if (item.Redone is not null)
                    {
                        var (followed, diff) = FollowRedone(store, item.Id);
                        if (diff > 0) followed = store.GetItemCleanStart(t, new Id(followed.Id.Client, followed.Id.Clock + diff));
                        if (followed is not Item fi) return;
                        item = fi;
                    }
                    if (!item.Deleted && InScope(item)) itemsToDelete.Add(item);
                });
                IterateDeletedStructs(t, stackItem.Deletions, s =>
                {
                    if (s is Item item && InScope(item) && !stackItem.Insertions.IsDeleted(item.Id) && redoSet.Add(item)) itemsToRedo.Add(item);
                });
                foreach (var item in itemsToRedo)
                    performed = RedoItem(t, item, redoSet, stackItem.Insertions) is not null || performed;
                for (var i = itemsToDelete.Count - 1; i >= 0; i--)
                {
                    itemsToDelete[i].Delete(t);
                    performed = true;
                }
                _current = performed ? stackItem : null;
            }
        }, this);
        var result = _current is not null;
        _current = null;
        return result;
    }

    private static (AbstractStruct Item, int Diff) FollowRedone(StructStore store, Id id)
    {
        Id? next = id;
        var diff = 0;
        AbstractStruct item;
        do
        {
            var nid = next!.Value;
            if (diff > 0) nid = new Id(nid.Client, nid.Clock + diff);
            item = store.Find(nid);
            diff = nid.Clock - item.Id.Clock;
            next = (item as Item)?.Redone;
        } while (next is not null && item is Item);
        return (item, diff);
    }

    private static Item? RedoItem(Transaction t, Item item, HashSet<Item> redoItems, DeleteSet itemsToDelete)
    {
        var doc = t.Doc;
        var store = doc.Store;
        if (item.Redone is { } redone) return store.GetItemCleanStart(t, redone) as Item;
        var parentItem = item.ParentType!.Item;
        if (parentItem is not null && parentItem.Deleted)
        {
            if (parentItem.Redone is null && (!redoItems.Contains(parentItem) || RedoItem(t, parentItem, redoItems, itemsToDelete) is null)) return null;
            while (parentItem.Redone is { } pr) parentItem = (Item)store.GetItemCleanStart(t, pr);
        }
        var parentType = parentItem is null ? item.ParentType! : ((ContentType)parentItem.Content).Type;
        Item? left = null, right;
        if (item.ParentSub is null)
        {
            left = item.Left;
            right = item;
            while (left is not null)
            {
                var trace = left;
                while (trace is not null && trace.ParentType?.Item != parentItem)
                    trace = trace.Redone is { } r ? store.GetItemCleanStart(t, r) as Item : null;
                if (trace is not null && trace.ParentType?.Item == parentItem) { left = trace; break; }
                left = left.Left;
            }
            while (right is not null)
            {
                var trace = right;
                while (trace is not null && trace.ParentType?.Item != parentItem)
                    trace = trace.Redone is { } r ? store.GetItemCleanStart(t, r) as Item : null;
                if (trace is not null && trace.ParentType?.Item == parentItem) { right = trace; break; }
                right = right.Right;
            }
        }
        else
        {
            right = null;
            if (item.Right is not null)
            {
                left = item;
                while (left is not null && left.Right is not null && itemsToDelete.IsDeleted(left.Right.Id)) left = left.Right;
                while (left is not null && left.Redone is { } r) left = store.GetItemCleanStart(t, r) as Item;
                if (left is not null && left.Right is not null) return null;
            }
            else parentType.Map.TryGetValue(item.ParentSub, out left);
        }
        var client = doc.ClientId;
        var nextId = new Id(client, store.GetState(client));
        var copy = new Item(nextId, left, left?.LastId, right, right?.Id, parentType, item.ParentSub, item.Content.Copy());
        item.Redone = nextId;
        KeepItem(copy, true);
        copy.Integrate(t, 0);
        return copy;
    }
}
