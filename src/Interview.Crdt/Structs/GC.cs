using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>A garbage-collected range: deleted content whose bytes are gone (struct ref 0).</summary>
internal sealed class GC(Id id, int length) : AbstractStruct(id, length)
{
    public const byte Ref = 0;

    public override bool Deleted => true;

    public override bool MergeWith(AbstractStruct right)
    {
        if (right is not GC) return false;
        Length += right.Length;
        return true;
    }

    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteInfo(Ref);
        encoder.WriteLen(Length - offset);
    }

    public override void Integrate(Transaction transaction, int offset)
    {
        if (offset > 0)
        {
            Id = new Id(Id.Client, Id.Clock + offset);
            Length -= offset;
        }
        transaction.Doc.Store.AddStruct(this);
    }
}
