using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Interview.Crdt;

// Interview.Crdt side of the CRDT benchmark (benchmarks/crdt/run.sh): the same workloads as yjs-bench.mjs,
// printed as one JSON line. usage: Interview.Crdt.Benchmarks TRACE.json.gz [rounds]
var tracePath = args.Length > 0 ? args[0] : throw new ArgumentException("usage: TRACE.json.gz [rounds]");
var rounds = args.Length > 1 ? int.Parse(args[1]) : 1;
var (end, txns) = LoadTrace(tracePath);

double traceMs = 0;
Doc doc = null!;
long allocated = 0, heap = 0;
for (var round = 0; round < rounds; round++)
{
    doc = null!;
    var heap0 = GC.GetTotalMemory(true);
    var alloc0 = GC.GetTotalAllocatedBytes(true);
    var sw = Stopwatch.StartNew();
    doc = new Doc(clientId: 1);
    var text = doc.GetText("text");
    foreach (var txn in txns)
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
    traceMs = sw.Elapsed.TotalMilliseconds;
    allocated = GC.GetTotalAllocatedBytes(true) - alloc0;
    if (text.ToString() != end) throw new InvalidOperationException("trace replay did not reach endContent");
    heap = GC.GetTotalMemory(true) - heap0;
}
var update = Updates.EncodeStateAsUpdate(doc);

var t0 = Stopwatch.StartNew();
var loaded = new Doc();
Updates.ApplyUpdate(loaded, update);
var loadedText = loaded.GetText("text").ToString();
var loadMs = t0.Elapsed.TotalMilliseconds;
if (loadedText != end) throw new InvalidOperationException("load mismatch");

// B1-style: 6000 single-character appends, each its own transaction.
t0 = Stopwatch.StartNew();
var b1 = new Doc(clientId: 2);
var b1t = b1.GetText("text");
for (var i = 0; i < 6000; i++) b1t.Insert(i, "x");
var b1Ms = t0.Elapsed.TotalMilliseconds;

// B2-style: two clients insert 6000 chars each at random positions, then sync both ways.
t0 = Stopwatch.StartNew();
var a = new Doc(clientId: 3);
var b = new Doc(clientId: 4);
long seed = 1;
int Rnd(int n) { seed = seed * 16807 % 2147483647; return (int)(seed % n); }
for (var i = 0; i < 6000; i++)
{
    a.GetText("text").Insert(Rnd(a.GetText("text").TextLength + 1), "a");
    b.GetText("text").Insert(Rnd(b.GetText("text").TextLength + 1), "b");
}
var b2LocalMs = t0.Elapsed.TotalMilliseconds;
Updates.ApplyUpdate(a, Updates.EncodeStateAsUpdate(b, Updates.EncodeStateVector(a)));
Updates.ApplyUpdate(b, Updates.EncodeStateAsUpdate(a, Updates.EncodeStateVector(b)));
var b2Ms = t0.Elapsed.TotalMilliseconds;

// B3-style: 100 clients each set a map key, updates applied to one doc.
t0 = Stopwatch.StartNew();
var target = new Doc();
for (var c = 0; c < 100; c++)
{
    var d = new Doc(clientId: (ulong)(1000 + c));
    d.GetMap("map").Set("k" + (c % 10), c);
    Updates.ApplyUpdate(target, Updates.EncodeStateAsUpdate(d));
}
var b3Ms = t0.Elapsed.TotalMilliseconds;

Console.WriteLine(JsonSerializer.Serialize(new
{
    impl = "Interview.Crdt",
    traceMs,
    updateBytes = update.Length,
    heapMB = heap / 1048576.0,
    allocatedMB = allocated / 1048576.0,
    loadMs,
    b1Ms,
    b2Ms,
    b2LocalMs,
    b3Ms,
}));

static (string End, List<List<(int, int, string)>> Txns) LoadTrace(string path)
{
    using var file = File.OpenRead(path);
    using var gz = new GZipStream(file, CompressionMode.Decompress);
    using var json = JsonDocument.Parse(gz);
    var txns = new List<List<(int, int, string)>>();
    foreach (var txn in json.RootElement.GetProperty("txns").EnumerateArray())
        txns.Add(txn.GetProperty("patches").EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32(), p[2].GetString() ?? "")).ToList());
    return (json.RootElement.GetProperty("endContent").GetString()!, txns);
}
