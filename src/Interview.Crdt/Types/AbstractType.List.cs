using Interview.Crdt.Encoding;
using Interview.Crdt.Structs;

namespace Interview.Crdt.Types;

public abstract partial class AbstractType
{
    /// <summary>Values of undeleted countable items, in order.</summary>
    internal List<object?> ListToArray()
    {
        var values = new List<object?>(Length);
        for (var n = Start; n is not null; n = n.Right)
            if (n.Countable && !n.Deleted) n.Content.GetContent(values);
        return values;
    }

    /// <summary>
    /// The item after which an insertion at <paramref name="index"/> goes: the last undeleted item that ends at
    /// index, split if index falls inside it (yjs <c>typeListInsertGenerics</c>); null for index 0.
    /// </summary>
    internal Item? ListFindInsertLeft(Transaction t, int index)
    {
        if (index < 0 || index > Length) throw new ArgumentOutOfRangeException(nameof(index), "index exceeds the length");
        if (index == 0) return null;
        var n = Start;
        var rem = index;
        if (MarkerItem is { } m && MarkerIndex <= index && MarkerIndex > 0)
        {
            n = m;
            rem = index - MarkerIndex;
            if (rem == 0)
            {
                n = n.Prev;
                rem += n is { Countable: true, Deleted: false } ? n.Length : 0;
            }
        }
        for (; n is not null; n = n.Right)
        {
            if (n.Deleted || !n.Countable) continue;
            if (rem <= n.Length)
            {
                if (rem < n.Length) t.Doc.Store.GetItemCleanStart(t, new Id(n.Id.Client, n.Id.Clock + rem));
                break;
            }
            rem -= n.Length;
        }
        return n;
    }

    /// <summary>Inserts values after <paramref name="left"/>: JSON-like runs become one ContentAny item.</summary>
    internal Item? ListInsertAfter(Transaction t, Item? left, IEnumerable<object?> values)
    {
        var doc = t.Doc;
        var right = left is null ? Start : left.Right;
        Item? first = null;
        List<object?>? pack = null;
        void Add(ItemContent content)
        {
            var client = doc.ClientId;
            var item = new Item(new Id(client, doc.Store.GetState(client)), left, left?.LastId, right, right?.Id, this, null, content);
            item.Integrate(t, 0);
            first ??= item;
            left = item;
        }
        void Flush()
        {
            if (pack is { Count: > 0 }) Add(new ContentAny(pack));
            pack = null;
        }
        foreach (var v in values)
        {
            switch (v)
            {
                case byte[] bytes: Flush(); Add(new ContentBinary(bytes)); break;
                case AbstractType type: Flush(); Add(new ContentType(PrelimCheck(type))); break;
                default: ValidateAny(v); (pack ??= []).Add(v); break;
            }
        }
        Flush();
        return first;
    }

    internal static AbstractType PrelimCheck(AbstractType type)
    {
        if (type.Doc is not null || type is UntypedRoot) throw new InvalidOperationException("a shared type can be inserted only once");
        return type;
    }

    internal static void ValidateAny(object? v)
    {
        using var w = new VarWriter(16);
        w.WriteAny(v);
    }

    /// <summary>Deletes <paramref name="length"/> units from <paramref name="index"/> (yjs <c>typeListDelete</c>).</summary>
    internal void ListDelete(Transaction t, int index, int length)
    {
        if (length == 0) return;
        if (index < 0 || length < 0 || index + length > Length) throw new ArgumentOutOfRangeException(nameof(length), "range exceeds the length");
        var start = index;
        var n = Start;
        var rem = index;
        if (MarkerItem is { } m && MarkerIndex <= index)
        {
            n = m;
            rem = index - MarkerIndex;
        }
        var store = t.Doc.Store;
        for (; n is not null && rem > 0; n = n.Right)
        {
            if (!n.Deleted && n.Countable)
            {
                if (rem < n.Length) store.GetItemCleanStart(t, new Id(n.Id.Client, n.Id.Clock + rem));
                rem -= n.Length;
            }
        }
        while (length > 0 && n is not null)
        {
            if (!n.Deleted)
            {
                if (length < n.Length) store.GetItemCleanStart(t, new Id(n.Id.Client, n.Id.Clock + length));
                n.Delete(t);
                length -= n.Length;
            }
            n = n.Right;
        }
        if (n is not null) SetMarker(n, start);
    }

    internal object? ListGet(int index)
    {
        if (index < 0 || index >= Length) throw new ArgumentOutOfRangeException(nameof(index));
        var n = Start;
        var rem = index;
        if (MarkerItem is { } m && MarkerIndex <= index)
        {
            n = m;
            rem = index - MarkerIndex;
        }
        for (; n is not null; n = n.Right)
        {
            if (n.Deleted || !n.Countable) continue;
            if (rem < n.Length)
            {
                var values = new List<object?>(n.Length);
                n.Content.GetContent(values);
                return values[rem];
            }
            rem -= n.Length;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }
}
