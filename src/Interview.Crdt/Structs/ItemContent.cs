using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>
/// The content of an <see cref="Item"/>. Each kind lives in its own file with its wire ref, its Write and its
/// static Read; <see cref="ContentRefs"/> is the dispatch table indexed by the ref.
/// </summary>
internal abstract class ItemContent
{
    public abstract int Length { get; }
    public abstract bool Countable { get; }
    public abstract int Ref { get; }

    /// <summary>Cuts this content at <paramref name="offset"/>, keeps the left part and returns the right part.</summary>
    public abstract ItemContent Splice(int offset);

    /// <summary>A fresh copy to re-insert the content (undo/redo).</summary>
    public abstract ItemContent Copy();

    public virtual bool MergeWith(ItemContent right) => false;
    public virtual void Integrate(Transaction transaction, Item item) { }
    public virtual void Delete(Transaction transaction) { }
    public virtual void Gc(StructStore store) { }
    public abstract void Write(UpdateEncoderV1 encoder, int offset);

    /// <summary>Appends the values this content holds (one per clock).</summary>
    public abstract void GetContent(List<object?> into);
}

internal static class ContentRefs
{
    /// <summary>Reads content by its ref (info &amp; 0x1f), as yjs <c>contentRefs</c> does.</summary>
    public static ItemContent Read(UpdateDecoderV1 decoder, int info) => (info & 0x1f) switch
    {
        // 0: GC is not item content
        ContentDeleted.RefNumber => ContentDeleted.Read(decoder), // 1
        ContentJson.RefNumber => ContentJson.Read(decoder), // 2
        ContentBinary.RefNumber => ContentBinary.Read(decoder), // 3
        ContentString.RefNumber => ContentString.Read(decoder), // 4
        ContentEmbed.RefNumber => ContentEmbed.Read(decoder), // 5
        ContentFormat.RefNumber => ContentFormat.Read(decoder), // 6
        ContentType.RefNumber => ContentType.Read(decoder), // 7
        ContentAny.RefNumber => ContentAny.Read(decoder), // 8
        ContentDoc.RefNumber => ContentDoc.Read(decoder), // 9
        // 10: Skip is not item content
        _ => throw new CrdtFormatException($"unknown content ref {info & 0x1f}"),
    };
}
