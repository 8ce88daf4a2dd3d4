using Interview.Crdt.Types;

namespace Interview.Crdt.Tests.Oracle;

/// <summary>
/// A seeded random concurrent session made with Interview.Crdt's own API: several docs (small and 53-bit client
/// ids) edit text, map, array and nested types and sync now and then. Every transaction's update is kept.
/// </summary>
internal sealed class RandomSession
{
    private static readonly string[] Texts = ["a", "hello", "x", "😀", "é", "\r\n", "\n", "中文", "ab😀cd", "  ", "Ω≈", "🎉🎉"];
    private static readonly string[] Keys = ["a", "b", "lang", "k1", "2", "10"];

    public readonly List<byte[]> Updates = [];
    public readonly List<Doc> Docs = [];

    public RandomSession(int seed, int? clients = null, int? steps = null)
    {
        var r = new Random(seed);
        var n = clients ?? 2 + r.Next(4);
        var seen = new int[n];
        for (var i = 0; i < n; i++)
        {
            ulong id = r.Next(4) switch
            {
                0 => (ulong)i + 1,
                1 => (ulong)(1000 + r.Next(100000)),
                2 => (ulong)r.NextInt64(1L << 32),
                _ => (ulong)r.NextInt64(1L << 53),
            };
            while (Docs.Any(d => d.ClientId == id)) id++;
            var doc = new Doc(id);
            doc.Update += (_, e) => { if (!Equals(e.Origin, "sync")) Updates.Add(e.Update); };
            Docs.Add(doc);
        }
        var count = steps ?? 5 + r.Next(30);
        for (var s = 0; s < count; s++)
        {
            var c = r.Next(n);
            var doc = Docs[c];
            if (r.Next(4) == 0) doc.Transact(_ => { for (var j = 1 + r.Next(4); j > 0; j--) RandomOp(r, doc); });
            else RandomOp(r, doc);
            if (r.Next(10) < 3)
            {
                var upto = seen[c] + r.Next(Updates.Count - seen[c] + 1);
                for (var j = seen[c]; j < upto; j++) Crdt.Updates.ApplyUpdate(doc, Updates[j], "sync");
                seen[c] = upto;
            }
        }
    }

    private static object? RandomValue(Random r) => r.Next(8) switch
    {
        0 => (double)(r.Next(2000) - 1000),
        1 => new[] { 0.5, -0.25, 1.1, 3.14159, 1e21, 2147483648.0, 0.1 + 0.2 }[r.Next(7)],
        2 => Texts[r.Next(Texts.Length)],
        3 => r.Next(2) == 0,
        4 => null,
        5 => new byte[] { (byte)r.Next(256), (byte)r.Next(256) },
        6 => new Dictionary<string, object?> { ["n"] = (double)r.Next(10), ["s"] = Texts[r.Next(Texts.Length)], ["arr"] = new object?[] { 1.0, "two", null } },
        _ => new object?[] { (double)r.Next(5), Texts[r.Next(Texts.Length)] },
    };

    private static AbstractType NewType(Random r) => r.Next(3) switch { 0 => new YText(), 1 => new YMap(), _ => new YArray() };

    private static void Collect(object? v, List<YText> texts, List<YMap> maps, List<YArray> arrays)
    {
        switch (v)
        {
            case YText t: texts.Add(t); break;
            case YMap m: maps.Add(m); foreach (var k in m.Keys.ToList()) Collect(m.Get(k), texts, maps, arrays); break;
            case YArray a: arrays.Add(a); foreach (var x in a.ToArray()) Collect(x, texts, maps, arrays); break;
        }
    }

    private static void RandomOp(Random r, Doc doc)
    {
        List<YText> texts = [doc.GetText("text")];
        List<YMap> maps = [];
        List<YArray> arrays = [];
        Collect(doc.GetMap("meta"), texts, maps, arrays);
        Collect(doc.GetArray("list"), texts, maps, arrays);
        var k = r.Next(10);
        if (k < 5)
        {
            var text = texts[r.Next(texts.Count)];
            if (text.TextLength > 0 && r.Next(3) == 0)
            {
                var i = r.Next(text.TextLength);
                text.Delete(i, 1 + r.Next(Math.Min(4, text.TextLength - i)));
            }
            else text.Insert(r.Next(text.TextLength + 1), Texts[r.Next(Texts.Length)]);
        }
        else if (k < 7)
        {
            var map = maps[r.Next(maps.Count)];
            var key = Keys[r.Next(Keys.Length)];
            var p = r.Next(10);
            if (p < 2) map.Delete(key);
            else if (p < 3) map.Set(key, NewType(r));
            else map.Set(key, RandomValue(r));
        }
        else
        {
            var arr = arrays[r.Next(arrays.Count)];
            if (arr.Count > 0 && r.Next(3) == 0)
            {
                var i = r.Next(arr.Count);
                arr.Delete(i, 1 + r.Next(Math.Min(3, arr.Count - i)));
            }
            else
            {
                var content = r.Next(7) == 0 ? [NewType(r)] : Enumerable.Range(0, 1 + r.Next(3)).Select(_ => RandomValue(r)).ToArray();
                arr.Insert(r.Next(arr.Count + 1), content);
            }
        }
    }

    /// <summary>A delivery order: shuffled, some updates twice.</summary>
    public List<byte[]> ShuffledDelivery(int seed)
    {
        var r = new Random(seed ^ 0x5eed);
        var order = Updates.ToList();
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        for (var i = 0; i < Updates.Count; i++) if (r.Next(10) == 0) order.Insert(r.Next(order.Count + 1), Updates[i]);
        return order;
    }
}
