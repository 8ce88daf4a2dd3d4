using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>JSON-like values of arrays and maps, lib0 any-encoded (ref 8).</summary>
internal sealed class ContentAny(List<object?> values) : ItemContent
{
    public const int RefNumber = 8;
    public readonly List<object?> Values = values;

    public override ItemContent Copy() => new ContentAny([.. Values]);
    public override int Length => Values.Count;
    public override bool Countable => true;
    public override int Ref => RefNumber;

    public override ItemContent Splice(int offset)
    {
        var right = Values.GetRange(offset, Values.Count - offset);
        Values.RemoveRange(offset, Values.Count - offset);
        return new ContentAny(right);
    }

    public override bool MergeWith(ItemContent right)
    {
        Values.AddRange(((ContentAny)right).Values);
        return true;
    }

    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteLen(Values.Count - offset);
        for (var i = offset; i < Values.Count; i++) encoder.WriteAny(Values[i]);
    }

    public static ContentAny Read(UpdateDecoderV1 decoder)
    {
        var len = decoder.ReadLen();
        if (len > decoder.Rest.Remaining) throw new CrdtFormatException("count exceeds the remaining data");
        var values = new List<object?>(len);
        for (var i = 0; i < len; i++) values.Add(decoder.ReadAny());
        return new ContentAny(values);
    }

    public override void GetContent(List<object?> into) => into.AddRange(Values);
}
