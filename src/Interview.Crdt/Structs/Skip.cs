using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>A gap in an update (struct ref 10): nothing to integrate. Only appears in merged updates.</summary>
internal sealed class Skip(Id id, int length) : AbstractStruct(id, length)
{
    public const byte Ref = 10;

    public override bool Deleted => true;

    public override bool MergeWith(AbstractStruct right)
    {
        if (right is not Skip) return false;
        Length += right.Length;
        return true;
    }

    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteInfo(Ref);
        encoder.Rest.WriteVarUint((ulong)(Length - offset));
    }

    public override void Integrate(Transaction transaction, int offset) => throw new InvalidOperationException("a Skip is never integrated");
}
