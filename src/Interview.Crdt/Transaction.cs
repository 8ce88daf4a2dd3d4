using Interview.Crdt.Structs;
using Interview.Crdt.Types;

namespace Interview.Crdt;

/// <summary>
/// A batch of changes. Observers run and the update event fires once, when the outermost transaction ends
/// (yjs <c>Transaction</c>).
/// </summary>
public sealed class Transaction
{
    internal Transaction(Doc doc, object? origin, bool local)
    {
        Doc = doc;
        Origin = origin;
        Local = local;
        BeforeState = doc.Store.GetStateVector();
    }

    public Doc Doc { get; }

    /// <summary>What the caller passed to <see cref="Doc.Transact"/> or <see cref="Updates.ApplyUpdate"/>.</summary>
    public object? Origin { get; }

    /// <summary>True for changes made through this doc's API, false for applied updates.</summary>
    public bool Local { get; internal set; }

    internal readonly Dictionary<ulong, int> BeforeState;
    internal Dictionary<ulong, int> AfterState = [];
    internal readonly DeleteSet DeleteSet = new();
    internal readonly Dictionary<AbstractType, HashSet<string?>> Changed = new(ReferenceEqualityComparer.Instance);
    private Dictionary<AbstractType, List<YEvent>>? _changedParentTypes;
    private List<AbstractStruct>? _mergeStructs;

    internal Dictionary<AbstractType, List<YEvent>> ChangedParentTypes => _changedParentTypes ??= new(ReferenceEqualityComparer.Instance);
    internal bool HasChangedParentTypes => _changedParentTypes is { Count: > 0 };
    internal List<AbstractStruct> MergeStructs => _mergeStructs ??= [];
    internal int MergeStructCount => _mergeStructs?.Count ?? 0;

    internal int BeforeStateOf(ulong client) => BeforeState.TryGetValue(client, out var c) ? c : 0;

    /// <summary>Records that <paramref name="type"/> changed, unless it was created in this transaction.</summary>
    internal void AddChangedType(AbstractType type, string? parentSub)
    {
        var item = type.Item;
        if (item is null || (item.Id.Clock < BeforeStateOf(item.Id.Client) && !item.Deleted))
        {
            if (!Changed.TryGetValue(type, out var subs)) Changed[type] = subs = [];
            subs.Add(parentSub);
        }
    }

    /// <summary>True when the struct was created in this transaction.</summary>
    internal bool Adds(AbstractStruct s) => s.Id.Clock >= BeforeStateOf(s.Id.Client);

    /// <summary>True when the struct was deleted in this transaction.</summary>
    internal bool Deletes(AbstractStruct s) => DeleteSet.IsDeleted(s.Id);
}
