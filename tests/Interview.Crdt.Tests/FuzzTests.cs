using Interview.Crdt.Tests.Oracle;

namespace Interview.Crdt.Tests;

/// <summary>
/// Mutated and random updates: either rejected with <see cref="CrdtFormatException"/> leaving the doc exactly as
/// it was, or accepted without breaking the doc. Any other exception fails.
/// </summary>
public class FuzzTests
{
    private const int Iterations = 100_000;

    [Fact]
    public void Mutated_and_random_updates_never_crash_and_rejections_change_nothing()
    {
        var corpus = new List<byte[]>();
        for (var seed = 1; corpus.Count < 400; seed++) corpus.AddRange(new RandomSession(seed).Updates);
        var r = new Random(4242);
        Doc doc = Fresh(corpus, r);
        var before = Updates.EncodeStateAsUpdate(doc);
        int rejected = 0, accepted = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var input = Mutate(r, corpus[r.Next(corpus.Count)]);
            try
            {
                Updates.ApplyUpdate(doc, input);
                accepted++;
                before = Updates.EncodeStateAsUpdate(doc);
                if (accepted % 16 == 0) _ = DifferentialTests.JsonOf(doc);
            }
            catch (CrdtFormatException)
            {
                rejected++;
                var after = Updates.EncodeStateAsUpdate(doc);
                Assert.True(before.AsSpan().SequenceEqual(after), $"iteration {i}: rejected update changed the doc; input {Convert.ToHexString(input)}");
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i}: {e.GetType().Name}: {e.Message}; input {Convert.ToHexString(input)}\n{e.StackTrace}");
            }
            if (i % 2000 == 0)
            {
                doc = Fresh(corpus, r);
                before = Updates.EncodeStateAsUpdate(doc);
            }
        }
        Assert.True(rejected > Iterations / 10, $"only {rejected} rejections: the mutations are too gentle");
        Assert.True(accepted > Iterations / 100, $"only {accepted} accepted");
    }

    private static Doc Fresh(List<byte[]> corpus, Random r)
    {
        var doc = new Doc(clientId: 99);
        for (var i = 0; i < 5; i++) Updates.ApplyUpdate(doc, corpus[r.Next(corpus.Count)]);
        return doc;
    }

    private static byte[] Mutate(Random r, byte[] seed)
    {
        var b = seed.ToList();
        switch (r.Next(8))
        {
            case 0: return [.. b.Take(r.Next(b.Count + 1))]; // truncated
            case 1: // random bytes
                var rnd = new byte[r.Next(1, 40)];
                r.NextBytes(rnd);
                return rnd;
            case 2: // absurd varint
                b.InsertRange(r.Next(b.Count + 1), new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f });
                return [.. b];
        }
        for (var n = 1 + r.Next(3); n > 0 && b.Count > 0; n--)
        {
            var i = r.Next(b.Count);
            switch (r.Next(4))
            {
                case 0: b[i] ^= (byte)(1 << r.Next(8)); break;
                case 1: b[i] = (byte)r.Next(256); break;
                case 2: b.RemoveAt(i); break;
                default: b.Insert(i, (byte)r.Next(256)); break;
            }
        }
        return [.. b];
    }
}
