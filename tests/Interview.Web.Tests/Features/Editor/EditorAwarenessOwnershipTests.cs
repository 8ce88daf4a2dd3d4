using System.Net.WebSockets;
using Interview.Crdt.Protocols;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Tests.Features.Editor;

/// <summary>
/// Awareness states (cursors) belong to the connection that introduced them: nobody else may overwrite or remove
/// them, and one connection introduces a bounded number.
/// </summary>
public sealed class EditorAwarenessOwnershipTests : IAsyncLifetime
{
    private const ulong AdaClient = 11;
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory();
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_hub_peer_cannot_overwrite_or_remove_another_peers_cursor()
    {
        var roomId = (await _factory.Rooms.CreateAsync("Cursors", 6)).Id;
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada", AdaClient);
        await using var mallory = await CrdtPeer.JoinAsync(_factory, roomId, "Mallory", 22);
        await using var grace = await CrdtPeer.JoinAsync(_factory, roomId, "Grace", 33);

        await ada.SendAsync(AwarenessFrame(new AwarenessEntry(AdaClient, 1, """{"cursor":"ada"}""")));
        await WaitForEntryAsync(grace, AdaClient);

        var overwrite = await Assert.ThrowsAsync<HubException>(() =>
            mallory.SendAsync(AwarenessFrame(new AwarenessEntry(AdaClient, 5, """{"cursor":"mallory"}"""))));
        Assert.Contains("belongs to another connection", overwrite.Message);
        var remove = await Assert.ThrowsAsync<HubException>(() => mallory.SendAsync(AwarenessFrame(new AwarenessEntry(AdaClient, 6, "null"))));
        Assert.Contains("belongs to another connection", remove.Message);

        // Marker: Mallory's own cursor reaches Grace after anything the refused frames could have caused.
        await mallory.SendAsync(AwarenessFrame(new AwarenessEntry(22, 1, """{"cursor":"mallory"}""")));
        await WaitForEntryAsync(grace, 22);
        var seenOfAda = grace.AwarenessFrames.SelectMany(f => Awareness.DecodeUpdate(f)).Where(e => e.ClientId == AdaClient).ToList();
        Assert.Equal([new AwarenessEntry(AdaClient, 1, """{"cursor":"ada"}""")], seenOfAda);
        Assert.Equal("""{"cursor":"ada"}""", await ServerStateAsync(grace, AdaClient));
    }

    [Fact]
    public async Task A_y_websocket_peers_entries_for_another_connections_cursor_are_dropped_and_the_rest_applied()
    {
        var roomId = (await _factory.Rooms.CreateAsync("Cursors", 6)).Id;
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada", AdaClient);
        await using var grace = await CrdtPeer.JoinAsync(_factory, roomId, "Grace", 33);
        await ada.SendAsync(AwarenessFrame(new AwarenessEntry(AdaClient, 1, """{"cursor":"ada"}""")));
        await WaitForEntryAsync(grace, AdaClient);

        var client = _factory.Server.CreateWebSocketClient();
        using var socket = await client.ConnectAsync(new Uri(_factory.Server.BaseAddress, $"/yjs/{roomId}"), CancellationToken.None);
        await socket.SendAsync(AwarenessFrame(
            new AwarenessEntry(AdaClient, 7, """{"cursor":"spoofed"}"""), new AwarenessEntry(44, 1, """{"cursor":"yjs"}""")),
            WebSocketMessageType.Binary, true, CancellationToken.None);
        await socket.SendAsync(AwarenessFrame(new AwarenessEntry(AdaClient, 8, "null")), WebSocketMessageType.Binary, true, CancellationToken.None);
        await socket.SendAsync(AwarenessFrame(new AwarenessEntry(44, 2, """{"cursor":"marker"}""")), WebSocketMessageType.Binary, true, CancellationToken.None);

        await Eventually.TrueAsync(() => grace.AwarenessFrames.SelectMany(f => Awareness.DecodeUpdate(f))
            .Any(e => e.ClientId == 44 && e.StateJson.Contains("marker")), "the socket's own cursor reaches Grace");
        var seenOfAda = grace.AwarenessFrames.SelectMany(f => Awareness.DecodeUpdate(f)).Where(e => e.ClientId == AdaClient).ToList();
        Assert.Equal([new AwarenessEntry(AdaClient, 1, """{"cursor":"ada"}""")], seenOfAda);
        Assert.Equal("""{"cursor":"ada"}""", await ServerStateAsync(grace, AdaClient));
        // The socket is still open and, as from y-websocket's server, gets its own accepted states back.
        while (true)
        {
            var (type, body) = Frames.Decode(await WebSocketMessages.ReceiveAsync(socket));
            if (type == MessageType.Awareness && Awareness.DecodeUpdate(body).Any(e => e.ClientId == 44 && e.StateJson.Contains("marker"))) break;
        }
    }

    [Fact]
    public async Task One_connection_introduces_at_most_the_configured_number_of_cursors()
    {
        var roomId = (await _factory.Rooms.CreateAsync("Cursors", 6)).Id;
        await using var mallory = await CrdtPeer.JoinAsync(_factory, roomId, "Mallory", 22);
        await using var grace = await CrdtPeer.JoinAsync(_factory, roomId, "Grace", 33);

        var five = Enumerable.Range(101, 5).Select(id => new AwarenessEntry((ulong)id, 1, "{}")).ToArray();
        var error = await Assert.ThrowsAsync<HubException>(() => mallory.SendAsync(AwarenessFrame(five)));
        Assert.Contains("at most 4 awareness states", error.Message);

        await mallory.SendAsync(AwarenessFrame(five[..4]));
        await WaitForEntryAsync(grace, 104);
        var seen = grace.AwarenessFrames.SelectMany(f => Awareness.DecodeUpdate(f)).Select(e => e.ClientId).ToList();
        Assert.Equal([101UL, 102, 103, 104], seen);
        Assert.Null(await ServerStateAsync(grace, 105));
    }

    private static byte[] AwarenessFrame(params AwarenessEntry[] entries) => Frames.Awareness(Awareness.EncodeUpdate(entries));

    private static Task WaitForEntryAsync(CrdtPeer peer, ulong client) =>
        Eventually.TrueAsync(() => peer.AwarenessFrames.SelectMany(f => Awareness.DecodeUpdate(f)).Any(e => e.ClientId == client),
            $"awareness of {client} reaches the peer");

    /// <summary>The server's current state of <paramref name="client"/>, through a query-awareness frame.</summary>
    private static async Task<string?> ServerStateAsync(CrdtPeer peer, ulong client)
    {
        var reply = await peer.SendAsync([(byte)MessageType.QueryAwareness]);
        var (_, body) = Frames.Decode(Assert.Single(reply));
        return Awareness.DecodeUpdate(body).Where(e => e.ClientId == client).Select(e => e.StateJson).SingleOrDefault();
    }
}
