using Interview.Crdt.Tests.Oracle;

namespace Interview.Crdt.Tests;

/// <summary>Convergence, idempotence and state-vector/diff round trips over random sessions.</summary>
public class PropertyTests
{
    /// <summary>JSON with object keys sorted: map key order follows arrival order, as in yjs.</summary>
    private static string Canonical(Doc doc) => Canon(System.Text.Json.Nodes.JsonNode.Parse(DifferentialTests.JsonOf(doc)))!.ToJsonString();

    private static System.Text.Json.Nodes.JsonNode? Canon(System.Text.Json.Nodes.JsonNode? n) => n switch
    {
        System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, Canon(kv.Value)))),
        System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray(a.Select(Canon).ToArray()),
        _ => n?.DeepClone(),
    };

    private static IEnumerable<List<T>> Permutations<T>(List<T> items)
    {
        if (items.Count <= 1) { yield return [.. items]; yield break; }
        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var p in Permutations(rest)) yield return [items[i], .. p];
        }
    }

    [Fact]
    public void Every_delivery_order_of_small_sessions_converges()
    {
        for (var seed = 1; seed <= 50; seed++)
        {
            var session = new RandomSession(seed, clients: 3, steps: 5);
            var updates = session.Updates.Take(5).ToList();
            string? json = null;
            byte[]? sv = null;
            foreach (var order in Permutations(updates))
            {
                var doc = new Doc(clientId: 9);
                foreach (var u in order) Updates.ApplyUpdate(doc, u);
                var j = Canonical(doc);
                var s = Updates.EncodeStateVector(doc);
                if (json is null) { json = j; sv = s; continue; }
                Assert.True(json == j, $"seed {seed}: order gave {j}, first order gave {json}");
                Assert.True(sv!.SequenceEqual(s), $"seed {seed}: state vectors differ");
            }
        }
    }

    [Fact]
    public void Redelivering_updates_changes_nothing()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var session = new RandomSession(seed);
            var once = new Doc(clientId: 9);
            foreach (var u in session.Updates) Updates.ApplyUpdate(once, u);
            var state = Updates.EncodeStateAsUpdate(once);
            var events = 0;
            once.Update += (_, _) => events++;
            foreach (var u in session.Updates) Updates.ApplyUpdate(once, u);
            Updates.ApplyUpdate(once, state);
            Assert.True(state.SequenceEqual(Updates.EncodeStateAsUpdate(once)), $"seed {seed}: re-delivery changed the state");
            Assert.True(events == 0, $"seed {seed}: re-delivery raised {events} update events");
        }
    }

    [Fact]
    public void Diff_against_a_state_vector_brings_a_peer_up_to_date()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var session = new RandomSession(seed);
            var r = new Random(seed);
            var full = new Doc(clientId: 9);
            var partial = new Doc(clientId: 10);
            foreach (var u in session.Updates)
            {
                Updates.ApplyUpdate(full, u);
                if (r.Next(2) == 0) Updates.ApplyUpdate(partial, u);
            }
            var diff = Updates.EncodeStateAsUpdate(full, Updates.EncodeStateVector(partial));
            Updates.ApplyUpdate(partial, diff);
            Assert.True(Canonical(full) == Canonical(partial), $"seed {seed}: diff did not converge: {Canonical(full)} != {Canonical(partial)}");
            Assert.True(Updates.EncodeStateVector(full).SequenceEqual(Updates.EncodeStateVector(partial)), $"seed {seed}: state vectors differ");
            // The state vector read from an update equals the doc's once everything is integrated.
            Assert.True(Updates.EncodeStateVector(full).SequenceEqual(Updates.EncodeStateVectorFromUpdate(Updates.EncodeStateAsUpdate(full))), $"seed {seed}");
            // Nothing left to send once both sides are equal.
            var empty = Updates.EncodeStateAsUpdate(full, Updates.EncodeStateVector(partial));
            var probe = new Doc(clientId: 11);
            Updates.ApplyUpdate(probe, empty);
            Assert.Empty(Updates.DecodeStateVector(Updates.EncodeStateVector(probe)));
        }
    }

    [Fact]
    public void Update_events_carry_exactly_each_transaction()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var session = new RandomSession(seed);
            var mirror = new Doc(clientId: 9);
            foreach (var u in session.Updates) Updates.ApplyUpdate(mirror, u);
            var source = session.Docs[0];
            // Bring the first client up to date through update events of a relay doc.
            var relay = new Doc(clientId: 12);
            var relayed = new List<byte[]>();
            relay.Update += (_, e) => relayed.Add(e.Update);
            foreach (var u in session.Updates) Updates.ApplyUpdate(relay, u);
            var copy = new Doc(clientId: 13);
            foreach (var u in relayed) Updates.ApplyUpdate(copy, u);
            Assert.True(Canonical(mirror) == Canonical(copy), $"seed {seed}: relayed events lost changes");
            Assert.NotNull(source);
        }
    }
}
