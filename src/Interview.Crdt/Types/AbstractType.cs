using Interview.Crdt.Encoding;
using Interview.Crdt.Structs;

namespace Interview.Crdt.Types;

/// <summary>
/// Base of every shared type: a linked list of items (<see cref="Start"/>) for sequence content and a map of
/// key → last item for keyed content, as yjs <c>AbstractType</c>.
/// </summary>
public abstract partial class AbstractType
{
    internal Doc? Doc;
    internal Item? Item;
    internal Item? Start;
    internal Dictionary<string, Item> Map = new(StringComparer.Ordinal);
    internal int Length;
    internal string? RootName;
    internal int Depth;
    internal bool HasFormatting;

    // Cached search position: MarkerItem starts at index MarkerIndex (countable, undeleted units before it).
    internal Item? MarkerItem;
    internal int MarkerIndex;

    private List<Action<YEvent>>? _handlers;
    private List<Action<IReadOnlyList<YEvent>>>? _deepHandlers;

    internal abstract int TypeRef { get; }

    /// <summary>The document this type belongs to, or null before it is inserted.</summary>
    public Doc? Document => Doc;

    /// <summary>The parent type, or null for a root type.</summary>
    public AbstractType? Parent => Item?.ParentType;

    internal virtual void WriteType(UpdateEncoderV1 encoder) => encoder.WriteTypeRef(TypeRef);

    /// <summary>A new, empty type of the same kind (yjs <c>_copy</c>).</summary>
    internal AbstractType CopyEmpty() => this switch
    {
        YXmlText => new YXmlText(),
        YText => new YText(),
        YMap => new YMap(),
        YArray => new YArray(),
        YXmlFragment => new YXmlFragment(),
        YXmlElement e => new YXmlElement(e.NodeName),
        YXmlHook h => new YXmlHook(h.HookName),
        _ => throw new InvalidOperationException("cannot copy this type"),
    };

    internal void Integrate(Doc doc, Item? item)
    {
        Doc = doc;
        Item = item;
        Depth = item?.ParentType is { } p ? p.Depth + 1 : 0;
    }

    /// <summary>Text search markers (null until the first local text edit).</summary>
    internal SearchMarkers? Markers;

    /// <summary>True while a local text edit runs: it keeps <see cref="Markers"/> up to date itself.</summary>
    internal bool LocalEdit;

    internal void ClearMarker()
    {
        if (LocalEdit) return;
        MarkerItem = null;
        Markers?.Clear();
    }

    internal void SetMarker(Item? item, int index)
    {
        MarkerItem = item;
        MarkerIndex = index;
    }

    internal void OnMerged(Item left, Item right)
    {
        Markers?.Merged(left, right);
        if (MarkerItem == right)
        {
            MarkerItem = left;
            if (!left.Deleted && left.Countable) MarkerIndex -= left.Length;
        }
    }

    /// <summary>Moves the content of an untyped root into its typed replacement.</summary>
    internal void MoveInto(AbstractType typed)
    {
        typed.Map = Map;
        foreach (var last in Map.Values)
            for (var n = last; n is not null; n = n.Left) n.ParentType = typed;
        typed.Start = Start;
        for (var n = Start; n is not null; n = n.Right) n.ParentType = typed;
        typed.Length = Length;
        typed.HasFormatting = HasFormatting;
    }

    internal Doc RequireDoc() => Doc ?? throw new InvalidOperationException("the type is not part of a document yet; insert it first");

    /// <summary>The Yjs toJSON rendering: string, object, array (nested types rendered recursively).</summary>
    public abstract object? ToJson();

    /// <summary>Subscribes to changes of this type; dispose the result to unsubscribe.</summary>
    public IDisposable Observe(Action<YEvent> handler)
    {
        (_handlers ??= []).Add(handler);
        return new Subscription(() => _handlers.Remove(handler));
    }

    /// <summary>Subscribes to changes of this type and every type nested in it, one batch per transaction.</summary>
    public IDisposable ObserveDeep(Action<IReadOnlyList<YEvent>> handler)
    {
        (_deepHandlers ??= []).Add(handler);
        return new Subscription(() => _deepHandlers.Remove(handler));
    }

    internal bool HasDeepObservers => _deepHandlers is { Count: > 0 };

    private bool AnyObserverUpTheTree()
    {
        if (_handlers is { Count: > 0 }) return true;
        for (AbstractType? t = this; t is not null; t = t.Item?.ParentType)
            if (t.HasDeepObservers) return true;
        return false;
    }

    internal void CallObserver(Transaction transaction, HashSet<string?> subs)
    {
        if (!AnyObserverUpTheTree()) return;
        var e = new YEvent(this, transaction, subs);
        for (AbstractType? t = this; t is not null; t = t.Item?.ParentType)
        {
            if (!transaction.ChangedParentTypes.TryGetValue(t, out var list)) transaction.ChangedParentTypes[t] = list = [];
            list.Add(e);
        }
        if (_handlers is { Count: > 0 })
            foreach (var h in _handlers.ToArray()) h(e);
    }

    internal void CallDeepObservers(IReadOnlyList<YEvent> events, Transaction transaction)
    {
        if (_deepHandlers is null) return;
        foreach (var h in _deepHandlers.ToArray()) h(events);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() { _dispose?.Invoke(); _dispose = null; }
    }

    internal static object? Render(object? v) => v is AbstractType t ? t.ToJson() : v;
}

/// <summary>A root that an update mentioned before the API asked for it with a type (yjs: a bare AbstractType).</summary>
internal sealed class UntypedRoot : AbstractType
{
    internal override int TypeRef => throw new InvalidOperationException("untyped roots are never encoded as content");
    public override object? ToJson() => null;
}
