namespace Interview.Crdt.Types;

/// <summary>A shared array (yjs <c>Y.Array</c>, type ref 0).</summary>
public sealed class YArray : AbstractType
{
    internal const int TypeRefNumber = 0;
    internal override int TypeRef => TypeRefNumber;

    public int Count => Length;

    /// <summary>Inserts JSON-like values, byte[]s or new shared types at <paramref name="index"/>.</summary>
    public void Insert(int index, params object?[] values) => RequireDoc().Transact(t =>
    {
        var left = ListFindInsertLeft(t, index);
        var first = ListInsertAfter(t, left, values);
        if (first is not null) SetMarker(first, index);
    });

    public void Push(params object?[] values) => Insert(Length, values);

    public void Delete(int index, int length = 1) => RequireDoc().Transact(t => ListDelete(t, index, length));

    public object? Get(int index) => ListGet(index);

    public object?[] ToArray() => ListToArray().ToArray();

    public object?[] Slice(int start, int end) => ListToArray().Take(end).Skip(start).ToArray();

    public override object? ToJson() => ListToArray().Select(Render).ToArray();
}
