using System.Text.Json;
using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>
/// Legacy JSON values (ref 2): one JSON text per clock, or the text "undefined". Kept as the texts that were
/// read, so re-encoding is lossless.
/// </summary>
internal sealed class ContentJson(List<string> texts) : ItemContent
{
    public const int RefNumber = 2;
    public readonly List<string> Texts = texts;

    public override ItemContent Copy() => new ContentJson([.. Texts]);
    public override int Length => Texts.Count;
    public override bool Countable => true;
    public override int Ref => RefNumber;

    public override ItemContent Splice(int offset)
    {
        var right = Texts.GetRange(offset, Texts.Count - offset);
        Texts.RemoveRange(offset, Texts.Count - offset);
        return new ContentJson(right);
    }

    public override bool MergeWith(ItemContent right)
    {
        Texts.AddRange(((ContentJson)right).Texts);
        return true;
    }

    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteLen(Texts.Count - offset);
        for (var i = offset; i < Texts.Count; i++) encoder.WriteString(Texts[i]);
    }

    public static ContentJson Read(UpdateDecoderV1 decoder)
    {
        var len = decoder.ReadLen();
        if (len > decoder.Rest.Remaining) throw new CrdtFormatException("count exceeds the remaining data");
        var texts = new List<string>(len);
        for (var i = 0; i < len; i++) texts.Add(decoder.ReadString());
        return new ContentJson(texts);
    }

    public override void GetContent(List<object?> into)
    {
        foreach (var t in Texts) into.Add(JsonText.Parse(t));
    }
}

/// <summary>Parses JSON texts into the <see cref="AnyValue"/> model (yjs keeps embeds and formats as parsed JSON).</summary>
internal static class JsonText
{
    public static object? Parse(string text)
    {
        if (text == "undefined") return Undefined.Value;
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = AnyValue.MaxDepth });
            return Convert(doc.RootElement);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new Dictionary<string, object?>(), (d, p) => { d[p.Name] = Convert(p.Value); return d; }),
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
