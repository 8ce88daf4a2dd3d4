using Interview.Crdt.Structs;

namespace Interview.Crdt.Types;

/// <summary>A shared map (yjs <c>Y.Map</c>, type ref 1): last writer wins per key, by YATA order.</summary>
public sealed class YMap : AbstractType
{
    internal const int TypeRefNumber = 1;
    internal override int TypeRef => TypeRefNumber;

    /// <summary>Sets a JSON-like value, a byte[] or a new (not yet inserted) shared type.</summary>
    public void Set(string key, object? value) => RequireDoc().Transact(t => MapSet(t, this, key, value));

    public T Set<T>(string key, T type) where T : AbstractType
    {
        RequireDoc().Transact(t => MapSet(t, this, key, type));
        return type;
    }

    public object? Get(string key) => MapGet(this, key);

    public bool ContainsKey(string key) => Map.TryGetValue(key, out var item) && !item.Deleted;

    public void Delete(string key) => RequireDoc().Transact(t =>
    {
        if (Map.TryGetValue(key, out var item)) item.Delete(t);
    });

    public IEnumerable<string> Keys => Map.Where(kv => !kv.Value.Deleted).Select(kv => kv.Key);

    public int Count => Map.Count(kv => !kv.Value.Deleted);

    public override object? ToJson() => MapToJson(this);

    internal static object? MapToJson(AbstractType type)
    {
        var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, item) in type.Map)
            if (!item.Deleted) obj[key] = Render(LastValue(item));
        return obj;
    }

    internal static object? LastValue(Item item)
    {
        var values = new List<object?>(item.Length);
        item.Content.GetContent(values);
        return values.Count > 0 ? values[^1] : null;
    }

    internal static object? MapGet(AbstractType type, string key) =>
        type.Map.TryGetValue(key, out var item) && !item.Deleted ? LastValue(item) : null;

    internal static void MapSet(Transaction t, AbstractType parent, string key, object? value)
    {
        parent.Map.TryGetValue(key, out var left);
        var doc = t.Doc;
        ItemContent content = value switch
        {
            byte[] bytes => new ContentBinary(bytes),
            AbstractType type => new ContentType(PrelimCheck(type)),
            _ => Validated(value),
        };
        var client = doc.ClientId;
        new Item(new Id(client, doc.Store.GetState(client)), left, left?.LastId, null, null, parent, key, content).Integrate(t, 0);
    }

    private static ContentAny Validated(object? value)
    {
        ValidateAny(value);
        return new ContentAny([value]);
    }
}
