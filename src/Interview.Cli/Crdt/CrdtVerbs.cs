using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Interview.Crdt;
using Interview.Crdt.Encoding;

namespace Interview.Cli.Crdt;

/// <summary><c>interview crdt apply|json|sv|diff|trace</c> (DESIGN.md §4): how outside tools check us against yjs.</summary>
internal static class CrdtVerbs
{
    public static int Run(string[] args)
    {
        try
        {
            return Dispatch(args);
        }
        catch (Exception e) when (e is not CliException)
        {
            throw new CliException($"crdt: {e.GetType().Name}: {e.Message}".ReplaceLineEndings(" "));
        }
    }

    private static int Dispatch(string[] args) => args switch
    {
        ["apply", .. var rest] => Apply(rest),
        ["json", .. var rest] => Json(rest),
        ["sv", .. var rest] => StateVector(rest),
        ["diff", .. var rest] => Diff(rest),
        ["trace", .. var rest] => Trace(rest),
        _ => throw new CliException("usage: interview crdt apply|json|sv|diff|trace ..."),
    };

    private static Doc Load(IReadOnlyList<string> files)
    {
        if (files.Count == 0) throw new CliException("no update files given");
        var doc = new Doc();
        foreach (var file in files)
        {
            byte[] bytes;
            try { bytes = File.ReadAllBytes(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CliException($"cannot read {file}: {e.Message}"); }
            try { Updates.ApplyUpdate(doc, bytes); }
            catch (CrdtFormatException e) { throw new CliException($"malformed update {file}: {e.Message}"); }
        }
        return doc;
    }

    private static void WriteOut(string path, byte[] bytes)
    {
        try { File.WriteAllBytes(path, bytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CliException($"cannot write {path}: {e.Message}"); }
    }

    private static int Apply(string[] args)
    {
        var a = new ArgReader(args, ["--out"]);
        var doc = Load(a.Positionals);
        WriteOut(a.Required("--out"), Updates.EncodeStateAsUpdate(doc));
        return 0;
    }

    private static int StateVector(string[] args)
    {
        var a = new ArgReader(args, ["--out"]);
        var doc = Load(a.Positionals);
        WriteOut(a.Required("--out"), Updates.EncodeStateVector(doc));
        return 0;
    }

    private static int Diff(string[] args)
    {
        var a = new ArgReader(args, ["--state-vector", "--out"]);
        var svPath = a.Required("--state-vector");
        var outPath = a.Required("--out");
        byte[] sv;
        try { sv = File.ReadAllBytes(svPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CliException($"cannot read {svPath}: {e.Message}"); }
        try { Updates.DecodeStateVector(sv); }
        catch (CrdtFormatException e) { throw new CliException($"malformed state vector {svPath}: {e.Message}"); }
        var doc = Load(a.Positionals);
        WriteOut(outPath, Updates.EncodeStateAsUpdate(doc, sv));
        return 0;
    }

    private static int Json(string[] args)
    {
        var a = new ArgReader(args, ["--text", "--map", "--array"]);
        var doc = Load(a.Positionals);
        // Names in the order given, grouped as the options were: text, map, array.
        var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
        try
        {
            foreach (var name in a.All("--text")) obj[name] = doc.GetText(name).ToJson();
            foreach (var name in a.All("--map")) obj[name] = doc.GetMap(name).ToJson();
            foreach (var name in a.All("--array")) obj[name] = doc.GetArray(name).ToJson();
        }
        catch (InvalidOperationException e) { throw new CliException(e.Message); }
        Console.Out.WriteLine(AnyValue.ToJson(obj));
        return 0;
    }

    private static int Trace(string[] args)
    {
        var a = new ArgReader(args, []);
        if (a.Positionals.Count != 1) throw new CliException("usage: interview crdt trace FILE.json[.gz]");
        var trace = EditingTrace.Load(a.Positionals[0]);
        var sw = Stopwatch.StartNew();
        var doc = new Doc(clientId: 1);
        var text = doc.GetText("text");
        foreach (var txn in trace.Txns)
        {
            doc.Transact(_ =>
            {
                foreach (var (pos, del, ins) in txn)
                {
                    if (del > 0) text.Delete(pos, del);
                    if (ins.Length > 0) text.Insert(pos, ins);
                }
            });
        }
        var ms = sw.Elapsed.TotalMilliseconds;
        if (text.ToString() != trace.EndContent) throw new CliException("trace replay did not reach endContent");
        var bytes = Updates.EncodeStateAsUpdate(doc).Length;
        Console.Out.WriteLine($"{{\"ok\":true,\"ms\":{ms.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)},\"updateBytes\":{bytes}}}");
        return 0;
    }
}

/// <summary>An editing trace (traces/ATTRIBUTION.md): patches [pos, delCount, insert] per transaction.</summary>
internal sealed record EditingTrace(string EndContent, List<List<(int Pos, int Del, string Ins)>> Txns)
{
    public static EditingTrace Load(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            var end = root.GetProperty("endContent").GetString() ?? "";
            var start = root.TryGetProperty("startContent", out var sc) ? sc.GetString() ?? "" : "";
            if (start.Length > 0) throw new CliException("traces with startContent are not supported");
            var txns = new List<List<(int, int, string)>>();
            foreach (var txn in root.GetProperty("txns").EnumerateArray())
            {
                var patches = new List<(int, int, string)>();
                foreach (var p in txn.GetProperty("patches").EnumerateArray())
                    patches.Add((p[0].GetInt32(), p[1].GetInt32(), p[2].GetString() ?? ""));
                txns.Add(patches);
            }
            return new EditingTrace(end, txns);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CliException($"cannot read trace {path}: {e.Message}");
        }
    }
}
