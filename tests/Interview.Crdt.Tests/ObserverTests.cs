using Interview.Crdt.Types;

namespace Interview.Crdt.Tests;

public class ObserverTests
{
    [Fact]
    public void Text_events_carry_a_delta_per_transaction_for_local_and_remote_changes()
    {
        var doc = new Doc(clientId: 1);
        var text = doc.GetText("monaco");
        text.Insert(0, "hello world");
        var deltas = new List<string>();
        using var sub = text.Observe(e => deltas.Add(string.Join(",", e.Delta.Select(d =>
            d.Insert is string s ? $"+{s}" : d.Retain > 0 ? $"r{d.Retain}" : $"-{d.Delete}"))));
        doc.Transact(_ =>
        {
            text.Delete(0, 6);
            text.Insert(5, "!");
        });
        Assert.Equal(["-6,r5,+!"], deltas);

        var remote = new Doc(clientId: 2);
        Updates.ApplyUpdate(remote, Updates.EncodeStateAsUpdate(doc));
        remote.GetText("monaco").Insert(0, ">> ");
        Updates.ApplyUpdate(doc, Updates.EncodeStateAsUpdate(remote, Updates.EncodeStateVector(doc)));
        Assert.Equal(["-6,r5,+!", "+>> "], deltas);
        sub.Dispose();
        text.Insert(0, "x");
        Assert.Equal(2, deltas.Count);
    }

    [Fact]
    public void Map_events_report_keys_and_deep_observers_see_nested_changes()
    {
        var doc = new Doc(clientId: 1);
        var meta = doc.GetMap("meta");
        meta.Set("language", "c");
        var settings = meta.Set("settings", new YMap());
        var keys = new List<string>();
        var deep = new List<string>();
        meta.Observe(e => keys.AddRange(e.Keys.Select(kv => $"{kv.Key}:{kv.Value.Action}")));
        meta.ObserveDeep(events => deep.AddRange(events.Select(e => string.Join("/", e.Path))));
        meta.Set("language", "python");
        settings.Set("tabs", 2);
        Assert.Equal(["language:update"], keys);
        Assert.Equal(["", "settings"], deep);
    }
}
