using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>A formatting mark in text: attribute key and JSON value, not countable (ref 6).</summary>
internal sealed class ContentFormat(string key, string valueJson) : ItemContent
{
    public const int RefNumber = 6;
    public readonly string Key = key;
    public readonly string ValueJson = valueJson;

    public object? Value => JsonText.Parse(ValueJson);

    public override ItemContent Copy() => new ContentFormat(Key, ValueJson);
    public override int Length => 1;
    public override bool Countable => false;
    public override int Ref => RefNumber;
    public override ItemContent Splice(int offset) => throw new InvalidOperationException("format content has length 1");

    public override void Integrate(Transaction transaction, Item item)
    {
        if (item.ParentType is { } p) p.HasFormatting = true;
    }

    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteKey(Key);
        encoder.WriteJson(ValueJson);
    }

    public static ContentFormat Read(UpdateDecoderV1 decoder) => new(decoder.ReadKey(), decoder.ReadJson());
    public override void GetContent(List<object?> into) { }
}
