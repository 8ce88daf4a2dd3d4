using System.Text.Json;
using System.Text.Json.Nodes;
using Interview.Crdt.Types;

namespace Interview.Crdt.Tests.Oracle;

/// <summary>
/// Local edits through our API against the same edits through yjs's API (tests/crdt-oracle/replay-ops.mjs):
/// several docs edit text (emoji, CRLF), map and array and sync now and then; every doc's
/// encodeStateAsUpdate must be byte-identical to yjs's. This checks positions, origins and merging of local
/// edits, which the other oracle tests (which apply yjs's updates) cannot. Each doc also has an UndoManager
/// (captureTimeout 0) and undoes/redoes now and then, against yjs's UndoManager.
/// </summary>
public class LocalEditTests
{
    private static readonly string[] Texts = ["a", "hello", "😀", "\r\n", "中文", "ab😀cd", " "];

    [Fact]
    public void Our_local_edits_encode_exactly_as_yjs_local_edits()
    {
        const int sessions = 250;
        var input = Node.TempFile("ops.jsonl");
        var output = Node.TempFile("ops-out.jsonl");
        try
        {
            var expected = new Dictionary<int, (string[] States, string[] Json)>();
            using (var w = new StreamWriter(input))
            {
                for (var seed = 1; seed <= sessions; seed++)
                {
                    var (clients, ops, docs) = Script(seed);
                    expected[seed] = (docs.Select(d => Convert.ToBase64String(Updates.EncodeStateAsUpdate(d))).ToArray(), docs.Select(DifferentialTests.JsonOf).ToArray());
                    w.WriteLine(new JsonObject { ["seed"] = seed, ["clients"] = new JsonArray(clients.Select(c => (JsonNode)c).ToArray()), ["ops"] = ops }.ToJsonString());
                }
            }
            Node.Run("replay-ops.mjs", input, output);
            var failures = new List<string>();
            foreach (var line in File.ReadLines(output))
            {
                using var doc = JsonDocument.Parse(line);
                var seed = doc.RootElement.GetProperty("seed").GetInt32();
                if (doc.RootElement.TryGetProperty("error", out var err)) { failures.Add($"seed {seed}: yjs threw {err.GetString()}"); expected.Remove(seed); continue; }
                var states = doc.RootElement.GetProperty("states").EnumerateArray().Select(x => x.GetString()!).ToArray();
                var json = doc.RootElement.GetProperty("json").EnumerateArray().Select(x => x.GetString()!).ToArray();
                for (var i = 0; i < states.Length; i++)
                {
                    if (json[i] != expected[seed].Json[i]) failures.Add($"seed {seed} doc {i}: json {expected[seed].Json[i]} != yjs {json[i]}");
                    else if (states[i] != expected[seed].States[i])
                        failures.Add($"seed {seed} doc {i}: state bytes differ:\n ours {Convert.ToHexString(Convert.FromBase64String(expected[seed].States[i]))}\n yjs  {Convert.ToHexString(Convert.FromBase64String(states[i]))}");
                }
                expected.Remove(seed);
            }
            Assert.True(failures.Count == 0, $"{failures.Count} differences:\n" + string.Join("\n", failures.Take(10)));
            Assert.Empty(expected.Keys);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static (ulong[] Clients, JsonArray Ops, Doc[] Docs) Script(int seed)
    {
        var r = new Random(seed);
        var n = 1 + r.Next(3);
        var clients = Enumerable.Range(0, n).Select(i => r.Next(2) == 0 ? (ulong)(i + 1) : (ulong)r.NextInt64(1L << 53)).Distinct().ToArray();
        var docs = clients.Select(c => new Doc(c)).ToArray();
        var undo = docs.Select(d => new UndoManager([d.GetText("text"), d.GetArray("list"), d.GetMap("meta")], TimeSpan.Zero)).ToArray();
        var ops = new JsonArray();
        void Op(int d, string op, JsonNode? a = null, JsonNode? b = null) => ops.Add(new JsonArray(d, op, a, b));
        for (var step = 0; step < 40; step++)
        {
            var d = r.Next(docs.Length);
            var doc = docs[d];
            var text = doc.GetText("text");
            var list = doc.GetArray("list");
            var meta = doc.GetMap("meta");
            if (r.Next(8) == 0)
            {
                if (r.Next(3) == 0) { undo[d].Redo(); Op(d, "r"); }
                else { undo[d].Undo(); Op(d, "u"); }
                continue;
            }
            switch (r.Next(10))
            {
                case 0 or 1 or 2:
                {
                    var i = r.Next(text.TextLength + 1);
                    var s = Texts[r.Next(Texts.Length)];
                    text.Insert(i, s);
                    Op(d, "ti", i, s);
                    break;
                }
                case 3 when text.TextLength > 0:
                {
                    var i = r.Next(text.TextLength);
                    var len = 1 + r.Next(Math.Min(5, text.TextLength - i));
                    text.Delete(i, len);
                    Op(d, "td", i, len);
                    break;
                }
                case 4:
                {
                    var key = "k" + r.Next(4);
                    var v = r.Next(3) switch { 0 => (object?)(double)r.Next(100), 1 => "v" + r.Next(9), _ => 0.5 * r.Next(7) };
                    meta.Set(key, v);
                    Op(d, "ms", key, JsonValue.Create(v));
                    break;
                }
                case 5:
                {
                    var key = "t" + r.Next(3);
                    var kind = new[] { "text", "map", "array" }[r.Next(3)];
                    meta.Set(key, kind == "text" ? new YText() : kind == "map" ? new YMap() : new YArray());
                    Op(d, "mt", key, kind);
                    break;
                }
                case 6:
                {
                    var key = "k" + r.Next(4);
                    meta.Delete(key);
                    Op(d, "md", key);
                    break;
                }
                case 7:
                {
                    var i = r.Next(list.Count + 1);
                    var values = Enumerable.Range(0, 1 + r.Next(3)).Select(_ => (object?)(double)r.Next(1000)).ToArray();
                    list.Insert(i, values);
                    Op(d, "ai", i, new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create((double)v!)).ToArray()));
                    break;
                }
                case 8 when list.Count > 0:
                {
                    var i = r.Next(list.Count);
                    var len = 1 + r.Next(Math.Min(3, list.Count - i));
                    list.Delete(i, len);
                    Op(d, "ad", i, len);
                    break;
                }
                default:
                {
                    if (docs.Length < 2) break;
                    var from = r.Next(docs.Length);
                    if (from == d) break;
                    Updates.ApplyUpdate(doc, Updates.EncodeStateAsUpdate(docs[from], Updates.EncodeStateVector(doc)));
                    Op(d, "sync", from);
                    break;
                }
            }
        }
        return (clients, ops, docs);
    }
}
