using System.Text.Json;

namespace Interview.Crdt.Tests.Oracle;

/// <summary>
/// Interview.Crdt → yjs: updates produced by our API in random concurrent sessions, applied by yjs in node
/// (tests/crdt-oracle/apply.mjs) in a shuffled order, must give yjs the same JSON and the same state bytes
/// as our own receiver got from the same order.
/// </summary>
public class ReverseDifferentialTests
{
    [Fact]
    public void Our_updates_applied_by_yjs_give_same_json_and_bytes()
    {
        const int sessions = 400;
        var input = Node.TempFile("ours.jsonl");
        var output = Node.TempFile("yjs.jsonl");
        try
        {
            var expected = new Dictionary<int, (string Json, string State)>();
            using (var w = new StreamWriter(input))
            {
                for (var seed = 1; seed <= sessions; seed++)
                {
                    var session = new RandomSession(seed);
                    var delivery = session.ShuffledDelivery(seed);
                    var receiver = new Doc(clientId: 7);
                    foreach (var u in delivery) Updates.ApplyUpdate(receiver, u);
                    expected[seed] = (DifferentialTests.JsonOf(receiver), Convert.ToBase64String(Updates.EncodeStateAsUpdate(receiver)));
                    w.WriteLine(JsonSerializer.Serialize(new { seed, updates = delivery.Select(Convert.ToBase64String) }));
                }
            }
            Node.Run("apply.mjs", input, output);
            var failures = new List<string>();
            foreach (var line in File.ReadLines(output))
            {
                using var doc = JsonDocument.Parse(line);
                var seed = doc.RootElement.GetProperty("seed").GetInt32();
                if (doc.RootElement.TryGetProperty("error", out var err)) { failures.Add($"seed {seed}: yjs threw {err.GetString()}"); continue; }
                var json = doc.RootElement.GetProperty("json").GetString();
                var state = doc.RootElement.GetProperty("state").GetString();
                if (json != expected[seed].Json) failures.Add($"seed {seed}: yjs json {json} != ours {expected[seed].Json}");
                else if (state != expected[seed].State) failures.Add($"seed {seed}: state bytes differ");
                expected.Remove(seed);
            }
            Assert.Empty(expected.Keys);
            Assert.True(failures.Count == 0, $"{failures.Count} sessions differ:\n" + string.Join("\n", failures.Take(10)));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}
