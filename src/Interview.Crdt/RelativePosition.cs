using Interview.Crdt.Encoding;
using Interview.Crdt.Structs;
using Interview.Crdt.Types;

namespace Interview.Crdt;

/// <summary>A position resolved against a doc: the type and the index in it.</summary>
public readonly record struct AbsolutePosition(AbstractType Type, int Index, int Assoc);

/// <summary>
/// A position that survives concurrent edits (cursors, selections): the id of the item right of it (or the
/// type when at the end), as yjs <c>RelativePosition</c>. Encoded as
/// <c>varUint(0) • id | varUint(1) • varString(rootName) | varUint(2) • id(type)</c>, then <c>varInt(assoc)</c>.
/// </summary>
public sealed record RelativePosition(Id? TypeId, string? TypeName, Id? Item, int Assoc = 0)
{
    /// <summary>The position at <paramref name="index"/>; assoc &lt; 0 sticks to the character on its left.</summary>
    public static RelativePosition FromTypeIndex(AbstractType type, int index, int assoc = 0)
    {
        if (assoc < 0)
        {
            if (index == 0) return Create(type, null, assoc);
            index--;
        }
        for (var t = type.Start; t is not null; t = t.Right)
        {
            if (!t.Deleted && t.Countable)
            {
                if (t.Length > index) return Create(type, new Id(t.Id.Client, t.Id.Clock + index), assoc);
                index -= t.Length;
            }
            if (t.Right is null && assoc < 0) return Create(type, t.LastId, assoc);
        }
        return Create(type, null, assoc);
    }

    private static RelativePosition Create(AbstractType type, Id? item, int assoc) =>
        type.Item is null
            ? new RelativePosition(null, type.RootName ?? throw new InvalidOperationException("type is not in a document"), item, assoc)
            : new RelativePosition(type.Item.Id, null, item, assoc);

    /// <summary>Resolves the position in <paramref name="doc"/>, or null when what it refers to is unknown or gone.</summary>
    public AbsolutePosition? ToAbsolute(Doc doc)
    {
        var store = doc.Store;
        AbstractType? type;
        var index = 0;
        if (Item is { } rightId)
        {
            if (store.GetState(rightId.Client) <= rightId.Clock) return null;
            if (store.Find(rightId) is not Item right || right.ParentType is null) return null;
            var diff = rightId.Clock - right.Id.Clock;
            type = right.ParentType;
            if (type.Item is null || !type.Item.Deleted)
            {
                index = right.Deleted || !right.Countable ? 0 : diff + (Assoc >= 0 ? 0 : 1);
                for (var n = right.Left; n is not null; n = n.Left)
                    if (!n.Deleted && n.Countable) index += n.Length;
            }
        }
        else
        {
            if (TypeName is not null) type = doc.GetOrCreateRoot(TypeName);
            else if (TypeId is { } typeId)
            {
                if (store.GetState(typeId.Client) <= typeId.Clock) return null;
                if (store.Find(typeId) is Item { Content: ContentType ct }) type = ct.Type;
                else return null;
            }
            else return null;
            index = Assoc >= 0 ? type.Length : 0;
        }
        return new AbsolutePosition(type, index, Assoc);
    }

    public byte[] Encode()
    {
        using var w = new VarWriter(32);
        if (Item is { } item) { w.WriteVarUint(0); w.WriteVarUint(item.Client); w.WriteVarUint((ulong)item.Clock); }
        else if (TypeName is not null) { w.WriteVarUint(1); w.WriteVarString(TypeName); }
        else if (TypeId is { } t) { w.WriteVarUint(2); w.WriteVarUint(t.Client); w.WriteVarUint((ulong)t.Clock); }
        else throw new InvalidOperationException("empty relative position");
        w.WriteVarInt(Assoc);
        return w.ToArray();
    }

    public static RelativePosition Decode(ReadOnlyMemory<byte> bytes)
    {
        var d = new UpdateDecoderV1(new VarReader(bytes));
        Id? type = null, item = null;
        string? name = null;
        switch (d.Rest.ReadVarUint())
        {
            case 0: item = d.ReadId(); break;
            case 1: name = d.ReadString(); break;
            case 2: type = d.ReadId(); break;
            default: throw new CrdtFormatException("unknown relative position kind");
        }
        var assoc = d.Rest.HasContent ? d.Rest.ReadVarInt() : 0;
        if (assoc is < int.MinValue or > int.MaxValue) throw new CrdtFormatException("assoc out of range");
        return new RelativePosition(type, name, item, (int)assoc);
    }
}
