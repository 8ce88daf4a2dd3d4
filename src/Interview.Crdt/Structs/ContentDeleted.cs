using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>Deleted content whose values are gone but whose item is kept (ref 1).</summary>
internal sealed class ContentDeleted(int len) : ItemContent
{
    public const int RefNumber = 1;
    private int _len = len;

    public override ItemContent Copy() => new ContentDeleted(_len);
    public override int Length => _len;
    public override bool Countable => false;
    public override int Ref => RefNumber;

    public override ItemContent Splice(int offset)
    {
        var right = new ContentDeleted(_len - offset);
        _len = offset;
        return right;
    }

    public override bool MergeWith(ItemContent right)
    {
        _len += right.Length;
        return true;
    }

    public override void Integrate(Transaction transaction, Item item)
    {
        transaction.DeleteSet.Add(item.Id.Client, item.Id.Clock, _len);
        item.MarkDeleted();
    }

    public override void Write(UpdateEncoderV1 encoder, int offset) => encoder.WriteLen(_len - offset);

    public static ContentDeleted Read(UpdateDecoderV1 decoder) => new(decoder.ReadLen());

    public override void GetContent(List<object?> into) { }
}
