using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>A run of consecutive clocks of one client: an <see cref="Item"/>, a <see cref="GC"/> or a <see cref="Skip"/>.</summary>
internal abstract class AbstractStruct(Id id, int length)
{
    public Id Id = id;
    public int Length = length;

    public abstract bool Deleted { get; }
    public abstract bool MergeWith(AbstractStruct right);
    public abstract void Write(UpdateEncoderV1 encoder, int offset);
    public abstract void Integrate(Transaction transaction, int offset);

    /// <summary>The client whose struct this one still waits for, or null when it can be integrated.</summary>
    public virtual ulong? GetMissing(Transaction transaction, StructStore store) => null;

    public Id LastId => new(Id.Client, Id.Clock + Length - 1);
}
