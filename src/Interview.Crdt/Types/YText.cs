using System.Runtime.CompilerServices;
using System.Text;
using Interview.Crdt.Structs;

namespace Interview.Crdt.Types;

/// <summary>
/// Shared text (yjs <c>Y.Text</c>, type ref 2). Indexes and lengths count UTF-16 code units, as yjs does.
/// </summary>
public class YText : AbstractType
{
    internal const int TypeRefNumber = 2;
    internal override int TypeRef => TypeRefNumber;

    /// <summary>Length in UTF-16 code units.</summary>
    public int TextLength => Length;

    public override string ToString()
    {
        var sb = new StringBuilder(Length);
        for (var n = Start; n is not null; n = n.Right)
            if (!n.Deleted && n.Countable && n.Content is ContentString s) sb.Append(s.Span);
        return sb.ToString();
    }

    public override object? ToJson() => ToString();

    /// <summary>Inserts <paramref name="text"/> at <paramref name="index"/>, inheriting the formatting there.</summary>
    public void Insert(int index, string text)
    {
        if (text.Length == 0) return;
        RequireDoc().Transact(t => InsertContent(t, index, new ContentString(text)));
    }

    /// <summary>Inserts an embed (a JSON object) at <paramref name="index"/>.</summary>
    public void InsertEmbed(int index, IDictionary<string, object?> embed) =>
        RequireDoc().Transact(t => InsertContent(t, index, new ContentEmbed(Encoding.AnyValue.ToJson(embed))));

    public void Delete(int index, int length)
    {
        if (length == 0) return;
        if (index < 0 || length < 0 || index + length > Length) throw new ArgumentOutOfRangeException(nameof(length), "range exceeds the text length");
        RequireDoc().Transact(t => DeleteRange(t, index, length));
    }

    private struct Position
    {
        public Item? Left;
        public Item? Right;
        public int Index;
        public Dictionary<string, string>? Attributes;

        public void Forward()
        {
            var r = Right!;
            if (!r.Countable)
            {
                if (!r.Deleted && r.Content is ContentFormat f) UpdateAttributes(ref Attributes, f);
            }
            else if (!r.Deleted) Index += r.Length;
            Left = r;
            Right = r.Right;
        }
    }

    private static void UpdateAttributes(ref Dictionary<string, string>? attrs, ContentFormat f)
    {
        if (f.ValueJson == "null") attrs?.Remove(f.Key);
        else (attrs ??= [])[f.Key] = f.ValueJson;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Position FindPosition(Transaction t, int index)
    {
        if (index < 0 || index > Length) throw new ArgumentOutOfRangeException(nameof(index), "index exceeds the text length");
        var pos = new Position { Right = Start };
        if (!HasFormatting && Markers is { } markers && markers.TryFindNearest(index, out var m, out var mIndex))
        {
            pos = new Position { Left = m.Left, Right = m, Index = mIndex };
            while (pos.Index > index && pos.Left is not null)
            {
                pos.Right = pos.Left;
                pos.Left = pos.Left.Left;
                if (!pos.Right.Deleted && pos.Right.Countable) pos.Index -= pos.Right.Length;
            }
        }
        var count = index - pos.Index;
        while (pos.Right is not null && count > 0)
        {
            var r = pos.Right;
            if (!r.Countable)
            {
                if (!r.Deleted && r.Content is ContentFormat f) UpdateAttributes(ref pos.Attributes, f);
            }
            else if (!r.Deleted)
            {
                if (count < r.Length) t.Doc.Store.GetItemCleanStart(t, new Id(r.Id.Client, r.Id.Clock + count));
                pos.Index += r.Length;
                count -= r.Length;
            }
            pos.Left = r;
            pos.Right = r.Right;
        }
        return pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InsertContent(Transaction t, int index, ItemContent content)
    {
        var pos = FindPosition(t, index);
        // Skip deleted items and formats that the inserted text would inherit anyway (yjs minimizeAttributeChanges).
        while (pos.Right is { } r)
        {
            if (r.Deleted) { }
            else if (r.Content is ContentFormat f && f.ValueJson == (pos.Attributes is { } a && a.TryGetValue(f.Key, out var v) ? v : "null")) { }
            else break;
            pos.Forward();
        }
        var doc = t.Doc;
        var client = doc.ClientId;
        var left = pos.Left;
        var right = pos.Right;
        var item = new Item(new Id(client, doc.Store.GetState(client)), left, left?.LastId, right, right?.Id, this, null, content);
        LocalEdit = true;
        try
        {
            item.Integrate(t, 0);
        }
        finally
        {
            LocalEdit = false;
        }
        if (HasFormatting) { ClearMarker(); return; }
        Markers ??= new SearchMarkers();
        if (item.Countable)
        {
            Markers.Inserted(pos.Index, item.Length);
            Markers.Add(item, pos.Index);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeleteRange(Transaction t, int index, int length)
    {
        var pos = FindPosition(t, index);
        var start = pos.Index;
        var requested = length;
        var store = t.Doc.Store;
        LocalEdit = true;
        try
        {
            while (length > 0 && pos.Right is { } r)
            {
                if (!r.Deleted && r.Content is ContentType or ContentEmbed or ContentString)
                {
                    if (length < r.Length) store.GetItemCleanStart(t, new Id(r.Id.Client, r.Id.Clock + length));
                    length -= r.Length;
                    r.Delete(t);
                }
                pos.Forward();
            }
        }
        finally
        {
            LocalEdit = false;
        }
        if (HasFormatting || Markers is null) { ClearMarker(); return; }
        Markers.Deleted(start, requested - Math.Max(length, 0));
        if (pos.Right is { } next) Markers.Add(next, start);
    }

    /// <summary>The text as a delta: inserts with their formatting attributes (embeds and types as objects).</summary>
    public IReadOnlyList<DeltaOp> ToDelta()
    {
        var ops = new List<DeltaOp>();
        Dictionary<string, string>? attrs = null;
        var sb = new StringBuilder();
        Dictionary<string, string>? sbAttrs = null;
        void Flush()
        {
            if (sb.Length == 0) return;
            ops.Add(new DeltaOp(Insert: sb.ToString(), Attributes: ToAttributes(sbAttrs)));
            sb.Clear();
        }
        for (var n = Start; n is not null; n = n.Right)
        {
            if (n.Deleted) continue;
            switch (n.Content)
            {
                case ContentFormat f:
                    Flush();
                    UpdateAttributes(ref attrs, f);
                    break;
                case ContentString s:
                    if (sb.Length > 0 && !SameAttributes(sbAttrs, attrs)) Flush();
                    sbAttrs = attrs is null ? null : new(attrs);
                    sb.Append(s.Span);
                    break;
                case ContentEmbed or ContentType:
                    Flush();
                    var values = new List<object?>();
                    n.Content.GetContent(values);
                    ops.Add(new DeltaOp(Insert: values[0], Attributes: ToAttributes(attrs)));
                    break;
            }
        }
        Flush();
        return ops;
    }

    private static bool SameAttributes(Dictionary<string, string>? a, Dictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        if (a is null || b is null) return true;
        foreach (var (k, v) in a) if (!b.TryGetValue(k, out var w) || w != v) return false;
        return true;
    }

    private static IReadOnlyDictionary<string, object?>? ToAttributes(Dictionary<string, string>? attrs) =>
        attrs is { Count: > 0 } ? attrs.ToDictionary(kv => kv.Key, kv => JsonText.Parse(kv.Value)) : null;

    /// <summary>Applies a delta of inserts (strings), retains and deletes. Formatting attributes are not supported.</summary>
    public void ApplyDelta(IEnumerable<DeltaOp> delta) => RequireDoc().Transact(t =>
    {
        var index = 0;
        foreach (var op in delta)
        {
            if (op.Attributes is { Count: > 0 }) throw new NotSupportedException("formatting attributes are not supported");
            if (op.Insert is string s)
            {
                if (s.Length > 0) InsertContent(t, index, new ContentString(s));
                index += s.Length;
            }
            else if (op.Insert is not null) throw new NotSupportedException("only string inserts are supported");
            else if (op.Retain > 0) index += op.Retain;
            else if (op.Delete > 0) DeleteRange(t, index, op.Delete);
        }
    });
}
