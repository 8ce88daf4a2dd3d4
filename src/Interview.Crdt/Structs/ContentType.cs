using Interview.Crdt.Encoding;
using Interview.Crdt.Types;

namespace Interview.Crdt.Structs;

/// <summary>A nested shared type (ref 7): its type ref, plus the node/hook name for XML elements and hooks.</summary>
internal sealed class ContentType(AbstractType type) : ItemContent
{
    public const int RefNumber = 7;
    public readonly AbstractType Type = type;

    public override ItemContent Copy() => new ContentType(Type.CopyEmpty());
    public override int Length => 1;
    public override bool Countable => true;
    public override int Ref => RefNumber;
    public override ItemContent Splice(int offset) => throw new InvalidOperationException("type content has length 1");

    public override void Integrate(Transaction transaction, Item item) => Type.Integrate(transaction.Doc, item);

    public override void Delete(Transaction transaction)
    {
        // Iterative over this type's children; nested types recurse through Item.Delete, bounded by MaxTypeDepth.
        for (var item = Type.Start; item is not null; item = item.Right)
        {
            if (!item.Deleted) item.Delete(transaction);
            else if (item.Id.Clock < transaction.BeforeStateOf(item.Id.Client)) transaction.MergeStructs.Add(item);
        }
        foreach (var item in Type.Map.Values)
        {
            if (!item.Deleted) item.Delete(transaction);
            else if (item.Id.Clock < transaction.BeforeStateOf(item.Id.Client)) transaction.MergeStructs.Add(item);
        }
        transaction.Changed.Remove(Type);
        Type.ClearMarker();
    }

    public override void Gc(StructStore store)
    {
        for (var item = Type.Start; item is not null;)
        {
            var next = item.Right;
            item.Gc(store, true);
            item = next;
        }
        Type.Start = null;
        foreach (var last in Type.Map.Values)
        {
            for (var item = last; item is not null;)
            {
                var left = item.Left;
                item.Gc(store, true);
                item = left;
            }
        }
        Type.Map = [];
        Type.ClearMarker();
    }

    public override void Write(UpdateEncoderV1 encoder, int offset) => Type.WriteType(encoder);

    public static ContentType Read(UpdateDecoderV1 decoder) => new(decoder.ReadTypeRef() switch
    {
        YArray.TypeRefNumber => new YArray(), // 0
        YMap.TypeRefNumber => new YMap(), // 1
        YText.TypeRefNumber => new YText(), // 2
        YXmlElement.TypeRefNumber => new YXmlElement(decoder.ReadKey()), // 3
        YXmlFragment.TypeRefNumber => new YXmlFragment(), // 4
        YXmlHook.TypeRefNumber => new YXmlHook(decoder.ReadKey()), // 5
        YXmlText.TypeRefNumber => new YXmlText(), // 6
        var r => throw new CrdtFormatException($"unknown type ref {r}"),
    });

    public override void GetContent(List<object?> into) => into.Add(Type);
}
