using System.Runtime.CompilerServices;
using Interview.Crdt.Encoding;
using Interview.Crdt.Types;

namespace Interview.Crdt.Structs;

/// <summary>
/// An item of a shared type's list (or a map entry's history): content plus the YATA neighbours it was inserted
/// between (origin, right origin). Mirrors yjs <c>Item</c>.
/// </summary>
internal sealed partial class Item : AbstractStruct
{
    public const int MaxTypeDepth = 256;

    public Id? Origin;
    public Item? Left;
    public Item? Right;
    public Id? RightOrigin;
    /// <summary>The resolved parent; before integration the parent may instead be a root name or an item id.</summary>
    public AbstractType? ParentType;
    public string? ParentKey;
    public Id? ParentId;
    public string? ParentSub;
    public ItemContent Content;
    public bool Keep;
    /// <summary>The id of the copy that re-inserted this item (undo/redo), if any.</summary>
    public Id? Redone;
    /// <summary>Set membership marks used by <see cref="ResolveConflicts"/>.</summary>
    public int BeforeOriginMark, ConflictMark;
    public bool Countable;
    private bool _deleted;

    public Item(Id id, Item? left, Id? origin, Item? right, Id? rightOrigin, AbstractType? parent, string? parentSub, ItemContent content)
        : base(id, content.Length)
    {
        Origin = origin;
        Left = left;
        Right = right;
        RightOrigin = rightOrigin;
        ParentType = parent;
        ParentSub = parentSub;
        Content = content;
        Countable = content.Countable;
    }

    public override bool Deleted => _deleted;

    public void MarkDeleted() => _deleted = true;

    /// <summary>The next item to the left that is not deleted.</summary>
    public Item? Prev
    {
        get
        {
            var n = Left;
            while (n is not null && n.Deleted) n = n.Left;
            return n;
        }
    }

    /// <summary>The next item to the right that is not deleted.</summary>
    public Item? Next
    {
        get
        {
            var n = Right;
            while (n is not null && n.Deleted) n = n.Right;
            return n;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override ulong? GetMissing(Transaction transaction, StructStore store)
    {
        if (Origin is { } o && o.Client != Id.Client && o.Clock >= store.GetState(o.Client)) return o.Client;
        if (RightOrigin is { } ro && ro.Client != Id.Client && ro.Clock >= store.GetState(ro.Client)) return ro.Client;
        if (ParentId is { } pid && pid.Client != Id.Client && pid.Clock >= store.GetState(pid.Client)) return pid.Client;

        var gcNeighbour = false;
        if (Origin is { } origin)
        {
            var left = store.GetItemCleanEnd(transaction, origin);
            Origin = left.LastId;
            if (left is Item li) Left = li; else gcNeighbour = true;
        }
        if (RightOrigin is { } rightOrigin)
        {
            var right = store.GetItemCleanStart(transaction, rightOrigin);
            RightOrigin = right.Id;
            if (right is Item ri) Right = ri; else gcNeighbour = true;
        }
        if (gcNeighbour)
        {
            ParentType = null;
            ParentKey = null;
            ParentId = null;
            _parentGone = true;
        }
        else if (ParentType is null && ParentKey is null && ParentId is null)
        {
            if (Left is not null)
            {
                ParentType = Left.ParentType;
                ParentSub = Left.ParentSub;
            }
            else if (Right is not null)
            {
                ParentType = Right.ParentType;
                ParentSub = Right.ParentSub;
            }
        }
        else if (ParentId is { } parentId)
        {
            ParentId = null;
            if (store.Find(parentId) is Item { Content: ContentType ct }) ParentType = ct.Type;
            else _parentGone = true;
        }
        return null;
    }

    /// <summary>Set when the parent was garbage collected: the item is integrated as a GC struct.</summary>
    private bool _parentGone;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Integrate(Transaction transaction, int offset)
    {
        var store = transaction.Doc.Store;
        if (offset > 0)
        {
            Id = new Id(Id.Client, Id.Clock + offset);
            var left = store.GetItemCleanEnd(transaction, new Id(Id.Client, Id.Clock - 1));
            Origin = left.LastId;
            Content = Content.Splice(offset);
            Length -= offset;
            if (left is Item li) Left = li;
            else { Left = null; _parentGone = true; }
        }
        if (ParentKey is not null && !_parentGone)
        {
            ParentType = transaction.Doc.GetOrCreateRoot(ParentKey);
            ParentKey = null;
        }
        var parent = ParentType;
        if (parent is null || _parentGone || (Content is ContentType && parent.Depth >= MaxTypeDepth))
        {
            new GC(Id, Length).Integrate(transaction, 0);
            return;
        }
        if ((Left is null && (Right is null || Right.Left is not null)) || (Left is not null && Left.Right != Right))
        {
            ResolveConflicts(transaction, parent);
        }
        // Reconnect left/right and the parent's start or map entry.
        if (Left is not null)
        {
            Right = Left.Right;
            Left.Right = this;
        }
        else
        {
            Item? r;
            if (ParentSub is not null)
            {
                parent.Map.TryGetValue(ParentSub, out r);
                while (r is not null && r.Left is not null) r = r.Left;
            }
            else
            {
                r = parent.Start;
                parent.Start = this;
            }
            Right = r;
        }
        if (Right is not null) Right.Left = this;
        else if (ParentSub is not null)
        {
            parent.Map[ParentSub] = this;
            Left?.Delete(transaction);
        }
        if (ParentSub is null && Countable && !Deleted) parent.Length += Length;
        parent.ClearMarker();
        store.AddStruct(this);
        Content.Integrate(transaction, this);
        transaction.AddChangedType(parent, ParentSub);
        if ((parent.Item is not null && parent.Item.Deleted) || (ParentSub is not null && Right is not null)) Delete(transaction);
    }

    /// <summary>YATA: find the left neighbour among the concurrent insertions between Left and Right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResolveConflicts(Transaction transaction, AbstractType parent)
    {
        var store = transaction.Doc.Store;
        var left = Left;
        Item? o;
        if (left is not null) o = left.Right;
        else if (ParentSub is not null)
        {
            parent.Map.TryGetValue(ParentSub, out o);
            while (o is not null && o.Left is not null) o = o.Left;
        }
        else o = parent.Start;
        if (o is null || o == Right)
        {
            Left = left;
            return;
        }
        // Two sets as marks on the items: "before origin" and "conflicting"; clearing = taking a new mark.
        var doc = transaction.Doc;
        var beforeOrigin = doc.NextEpoch();
        var conflicting = doc.NextEpoch();
        while (o is not null && o != Right)
        {
            o.BeforeOriginMark = beforeOrigin;
            o.ConflictMark = conflicting;
            if (Origin == o.Origin)
            {
                if (o.Id.Client < Id.Client)
                {
                    left = o;
                    conflicting = doc.NextEpoch();
                }
                else if (RightOrigin == o.RightOrigin) break;
            }
            else if (o.Origin is { } oo && store.Find(oo) is Item oOrigin && oOrigin.BeforeOriginMark == beforeOrigin)
            {
                if (oOrigin.ConflictMark != conflicting)
                {
                    left = o;
                    conflicting = doc.NextEpoch();
                }
            }
            else break;
            o = o.Right;
        }
        Left = left;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Delete(Transaction transaction)
    {
        if (Deleted) return;
        var parent = ParentType!;
        if (Countable && ParentSub is null) parent.Length -= Length;
        MarkDeleted();
        parent.ClearMarker();
        transaction.DeleteSet.Add(Id.Client, Id.Clock, Length);
        transaction.AddChangedType(parent, ParentSub);
        Content.Delete(transaction);
    }

    public void Gc(StructStore store, bool parentGCd)
    {
        Content.Gc(store);
        if (parentGCd) store.ReplaceStruct(this, new GC(Id, Length));
        else Content = new ContentDeleted(Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool MergeWith(AbstractStruct right)
    {
        if (right is not Item r) return false;
        if (r.Origin == LastId && Right == r && RightOrigin == r.RightOrigin && Id.Client == r.Id.Client && Redone is null && r.Redone is null
            && Id.Clock + Length == r.Id.Clock && Deleted == r.Deleted && Content.GetType() == r.Content.GetType()
            && Content.MergeWith(r.Content))
        {
            ParentType?.OnMerged(this, r);
            if (r.Keep) Keep = true;
            Right = r.Right;
            if (Right is not null) Right.Left = this;
            Length += r.Length;
            return true;
        }
        return false;
    }
}
