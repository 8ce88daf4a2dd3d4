using Interview.Crdt.Protocols;

namespace Interview.Crdt.Tests.Protocols;

public class AwarenessTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_shows_its_bytes()
    {
        var bytes = Awareness.EncodeUpdate([new AwarenessEntry(5, 1, "{\"a\":1}")]);
        Assert.Equal(new byte[] { /* entries */ 0x01, /* client */ 0x05, /* clock */ 0x01, /* json */ 0x07, (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'1', (byte)'}' }, bytes);
        Assert.Equal(new byte[] { /* messageAwareness */ 0x01, /* length */ 0x0b, 0x01, 0x05, 0x01, 0x07 }, Frames.Awareness(bytes)[..6]);
    }

    [Fact]
    public void Apply_adds_updates_removes_and_ignores_stale_clocks()
    {
        var a = new Awareness(clientId: 1);
        var c = a.ApplyUpdate(Awareness.EncodeUpdate([new AwarenessEntry(5, 1, "{\"name\":\"ann\"}")]), T0);
        Assert.Equal([5UL], c.Added);
        c = a.ApplyUpdate(Awareness.EncodeUpdate([new AwarenessEntry(5, 2, "{\"name\":\"bob\"}")]), T0);
        Assert.Equal([5UL], c.Updated);
        Assert.Equal("{\"name\":\"bob\"}", a.States[5]);
        c = a.ApplyUpdate(Awareness.EncodeUpdate([new AwarenessEntry(5, 1, "{\"name\":\"old\"}")]), T0);
        Assert.True(c.IsEmpty);
        c = a.ApplyUpdate(Awareness.EncodeUpdate([new AwarenessEntry(5, 3, "null")]), T0);
        Assert.Equal([5UL], c.Removed);
        Assert.False(a.States.ContainsKey(5));
    }

    [Fact]
    public void States_time_out_after_30_seconds_and_removal_is_broadcast()
    {
        var a = new Awareness(clientId: 1);
        a.ApplyUpdate(Awareness.EncodeUpdate([new AwarenessEntry(5, 4, "{}"), new AwarenessEntry(6, 1, "{}")]), T0);
        a.ApplyUpdate(Awareness.EncodeUpdate([new AwarenessEntry(6, 2, "{}")]), T0.AddSeconds(20));
        Assert.Null(a.RemoveOutdated(T0.AddSeconds(29)));
        var (change, update) = a.RemoveOutdated(T0.AddSeconds(30))!.Value;
        Assert.Equal([5UL], change.Removed);
        Assert.Equal([new AwarenessEntry(5, 4, "null")], Awareness.DecodeUpdate(update));
        Assert.True(a.States.ContainsKey(6));
    }

    [Fact]
    public void Remote_removal_of_the_local_state_bumps_the_clock()
    {
        var a = new Awareness(clientId: 1);
        a.SetLocalState("{\"me\":true}", T0);
        a.ApplyUpdate(Awareness.EncodeUpdate([new AwarenessEntry(1, 0, "null")]), T0);
        Assert.True(a.States.ContainsKey(1));
        Assert.Equal(1UL, a.ClockOf(1));
    }

    [Fact]
    public void Malformed_updates_are_rejected_without_changes()
    {
        var a = new Awareness(clientId: 1);
        Assert.Throws<CrdtFormatException>(() => a.ApplyUpdate(new byte[] { 0x01, 0x05, 0x01, 0x03, (byte)'{', (byte)'x', (byte)'}' }, T0));
        Assert.Throws<CrdtFormatException>(() => a.ApplyUpdate(new byte[] { 0x02, 0x05 }, T0));
        Assert.Empty(a.States);
    }

    [Fact]
    public void Clocks_of_removed_clients_are_forgotten_after_the_timeout()
    {
        var a = new Awareness(clientId: 1);
        a.ApplyUpdate(Awareness.EncodeUpdate([new AwarenessEntry(5, 4, "{}")]), T0);
        a.RemoveStates([5UL], T0.AddSeconds(10));
        Assert.Null(a.RemoveOutdated(T0.AddSeconds(39)));
        Assert.Equal(4UL, a.ClockOf(5));
        Assert.Null(a.RemoveOutdated(T0.AddSeconds(40)));
        Assert.Equal(0UL, a.ClockOf(5));
        Assert.True(a.Changes(new AwarenessEntry(5, 1, "{}")));
    }
}
