using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>
/// A subdocument reference (ref 9): its guid and options. Decoded and re-encoded losslessly; subdocuments are
/// not loaded. Options are normalised the way yjs rebuilds them (gc:false, autoLoad:true, meta).
/// </summary>
internal sealed class ContentDoc(string guid, Dictionary<string, object?> opts) : ItemContent
{
    public const int RefNumber = 9;
    public readonly string Guid = guid;
    public readonly Dictionary<string, object?> Opts = opts;

    public override ItemContent Copy() => new ContentDoc(Guid, Opts);
    public override int Length => 1;
    public override bool Countable => true;
    public override int Ref => RefNumber;
    public override ItemContent Splice(int offset) => throw new InvalidOperationException("doc content has length 1");

    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteString(Guid);
        encoder.WriteAny(Opts);
    }

    public static ContentDoc Read(UpdateDecoderV1 decoder)
    {
        var guid = decoder.ReadString();
        var raw = decoder.ReadAny() as IDictionary<string, object?>;
        var opts = new Dictionary<string, object?>();
        if (raw is not null)
        {
            if (raw.TryGetValue("gc", out var gc) && !Truthy(gc)) opts["gc"] = false;
            var autoLoad = raw.TryGetValue("autoLoad", out var al) && Truthy(al);
            if (autoLoad) opts["autoLoad"] = true;
            if (raw.TryGetValue("meta", out var meta) && meta is not null && meta is not Undefined) opts["meta"] = meta;
        }
        return new ContentDoc(guid, opts);
    }

    private static bool Truthy(object? v) => v switch
    {
        null or Undefined => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    public override void GetContent(List<object?> into) => into.Add(null);
}
