using Interview.Crdt.Structs;

namespace Interview.Crdt.Types;

/// <summary>One delta operation: insert (text or values), retain or delete.</summary>
public sealed record DeltaOp(object? Insert = null, int Retain = 0, int Delete = 0, IReadOnlyDictionary<string, object?>? Attributes = null);

/// <summary>What changed on a map key in a transaction.</summary>
public sealed record KeyChange(string Action, object? OldValue);

/// <summary>
/// A change event of one shared type in one transaction (yjs <c>YEvent</c>): <see cref="Delta"/> for text and
/// arrays, <see cref="Keys"/> for maps. Read them inside the handler.
/// </summary>
public sealed class YEvent
{
    internal YEvent(AbstractType target, Transaction transaction, HashSet<string?> subs)
    {
        Target = target;
        CurrentTarget = target;
        Transaction = transaction;
        KeysChanged = subs.Where(s => s is not null).Cast<string>().ToHashSet();
        ChildListChanged = subs.Contains(null);
    }

    public AbstractType Target { get; }
    public AbstractType CurrentTarget { get; internal set; }
    public Transaction Transaction { get; }
    public IReadOnlySet<string> KeysChanged { get; }
    public bool ChildListChanged { get; }

    /// <summary>Path from <see cref="CurrentTarget"/> to <see cref="Target"/>: map keys and array indexes.</summary>
    public IReadOnlyList<object> Path
    {
        get
        {
            var path = new List<object>();
            var child = Target;
            while (child.Item is { } item && child != CurrentTarget)
            {
                if (item.ParentSub is not null) path.Insert(0, item.ParentSub);
                else
                {
                    var i = 0;
                    for (var c = item.ParentType!.Start; c is not null && c != item; c = c.Right)
                        if (!c.Deleted && c.Countable) i += c.Length;
                    path.Insert(0, i);
                }
                child = item.ParentType!;
            }
            return path;
        }
    }

    private IReadOnlyList<DeltaOp>? _delta;

    /// <summary>The change as a delta: text inserts as strings, array inserts as value arrays.</summary>
    public IReadOnlyList<DeltaOp> Delta => _delta ??= ComputeDelta();

    private IReadOnlyList<DeltaOp> ComputeDelta()
    {
        var ops = new List<DeltaOp>();
        var isText = Target is YText;
        System.Text.StringBuilder? text = null;
        List<object?>? values = null;
        int retain = 0, delete = 0;
        void Flush()
        {
            if (text is { Length: > 0 }) ops.Add(new DeltaOp(Insert: text.ToString()));
            if (values is { Count: > 0 }) ops.Add(new DeltaOp(Insert: values.ToArray()));
            if (retain > 0) ops.Add(new DeltaOp(Retain: retain));
            if (delete > 0) ops.Add(new DeltaOp(Delete: delete));
            text = null; values = null; retain = 0; delete = 0;
        }
        for (var item = Target.Start; item is not null; item = item.Right)
        {
            if (isText && item.Content is ContentFormat) continue;
            if (item.Deleted)
            {
                if (Transaction.Deletes(item) && !Transaction.Adds(item))
                {
                    if (delete == 0) Flush();
                    delete += item.Length;
                }
            }
            else if (Transaction.Adds(item))
            {
                if (isText && item.Content is ContentString s)
                {
                    if (text is null) Flush();
                    (text ??= new()).Append(s.Span);
                }
                else
                {
                    if (values is null) Flush();
                    values ??= [];
                    item.Content.GetContent(values);
                }
            }
            else
            {
                if (retain == 0) Flush();
                retain += item.Length;
            }
        }
        retain = 0;
        Flush();
        return ops;
    }

    private IReadOnlyDictionary<string, KeyChange>? _keys;

    /// <summary>Per changed map key: "add", "update" or "delete" with the old value.</summary>
    public IReadOnlyDictionary<string, KeyChange> Keys => _keys ??= ComputeKeys();

    private Dictionary<string, KeyChange> ComputeKeys()
    {
        var keys = new Dictionary<string, KeyChange>();
        foreach (var key in KeysChanged)
        {
            if (!Target.Map.TryGetValue(key, out var item)) continue;
            if (Transaction.Adds(item))
            {
                var prev = item.Left;
                while (prev is not null && Transaction.Adds(prev)) prev = prev.Left;
                var prevDeleted = prev is not null && Transaction.Deletes(prev);
                if (Transaction.Deletes(item))
                {
                    if (prevDeleted) keys[key] = new KeyChange("delete", YMap.LastValue(prev!));
                }
                else keys[key] = prevDeleted ? new KeyChange("update", YMap.LastValue(prev!)) : new KeyChange("add", null);
            }
            else if (Transaction.Deletes(item)) keys[key] = new KeyChange("delete", YMap.LastValue(item));
        }
        return keys;
    }
}
