using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>An embedded object in text, JSON-encoded (ref 5).</summary>
internal sealed class ContentEmbed(string json) : ItemContent
{
    public const int RefNumber = 5;
    public readonly string Json = json;

    public override ItemContent Copy() => new ContentEmbed(Json);
    public override int Length => 1;
    public override bool Countable => true;
    public override int Ref => RefNumber;
    public override ItemContent Splice(int offset) => throw new InvalidOperationException("embed content has length 1");
    public override void Write(UpdateEncoderV1 encoder, int offset) => encoder.WriteJson(Json);
    public static ContentEmbed Read(UpdateDecoderV1 decoder) => new(decoder.ReadJson());
    public override void GetContent(List<object?> into) => into.Add(JsonText.Parse(Json));
}
