using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>A Uint8Array value (ref 3).</summary>
internal sealed class ContentBinary(byte[] content) : ItemContent
{
    public const int RefNumber = 3;
    public readonly byte[] Content = content;

    public override ItemContent Copy() => new ContentBinary(Content);
    public override int Length => 1;
    public override bool Countable => true;
    public override int Ref => RefNumber;
    public override ItemContent Splice(int offset) => throw new InvalidOperationException("binary content has length 1");
    public override void Write(UpdateEncoderV1 encoder, int offset) => encoder.WriteBuf(Content);
    public static ContentBinary Read(UpdateDecoderV1 decoder) => new(decoder.ReadBuf());
    public override void GetContent(List<object?> into) => into.Add(Content);
}
