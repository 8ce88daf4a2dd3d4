using System.Net.WebSockets;
using Interview.Crdt;
using Interview.Crdt.Protocols;
using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Features.Editor;

public sealed class EditorPersistenceTests
{
    private static Dictionary<string, string> Settings => new() { ["Editor:SnapshotEveryUpdates"] = "10" };

    [Fact]
    public async Task The_document_survives_a_host_restart_and_the_log_is_compacted_into_snapshots()
    {
        var dataDir = Directory.CreateTempSubdirectory("interview-editor-").FullName;
        string roomId, expected;
        await using (var first = new InterviewFactory(Settings, dataDir))
        {
            roomId = (await first.Rooms.CreateAsync("Persist", 6)).Id;
            await using var ada = await CrdtPeer.JoinAsync(first, roomId, "Ada");
            for (var i = 0; i < 25; i++) await ada.EditAsync(t => t.Insert(t.TextLength, $"line {i}\n"));
            expected = ada.Text;
            var stats = await (await first.Rooms.FindAsync(roomId))!.GetEditorStatsAsync();
            Assert.True(stats.LastSeq >= 26, $"every update was appended ({stats.LastSeq})");
            Assert.True(stats.UpdatesSinceSnapshot < 10, $"snapshots bound the log ({stats.UpdatesSinceSnapshot} since the last)");
        }

        await using var second = new InterviewFactory(Settings, dataDir);
        await using var grace = await CrdtPeer.JoinAsync(second, roomId, "Grace");
        Assert.Equal(expected, grace.Text);
        Assert.Equal("python", grace.Language);
        await grace.EditAsync(t => t.Insert(0, "after restart\n"));
        var (serverText, _) = await (await second.Rooms.FindAsync(roomId))!.ReadEditorAsync();
        Assert.Equal("after restart\n" + expected, serverText);
    }

    [Fact]
    public async Task A_plain_websocket_client_speaking_y_websocket_joins_the_same_document()
    {
        await using var factory = new InterviewFactory();
        var roomId = (await factory.Rooms.CreateAsync("Yjs", 6)).Id;
        await using var ada = await CrdtPeer.JoinAsync(factory, roomId, "Ada");

        var client = factory.Server.CreateWebSocketClient();
        using var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, $"/yjs/{roomId}"), CancellationToken.None);
        var doc = new Doc(5);
        // The server opens with its sync step 1; we answer and send our own.
        var (type, body) = Frames.Decode(await WebSocketMessages.ReceiveAsync(socket));
        Assert.Equal(MessageType.Sync, type);
        await SendAsync(socket, Frames.Sync(SyncProtocol.Handle(doc, body)!));
        await SendAsync(socket, Frames.Sync(SyncProtocol.EncodeStep1(doc)));
        while (doc.GetText("monaco").ToString() != ada.Text)
        {
            var (t, b) = Frames.Decode(await WebSocketMessages.ReceiveAsync(socket));
            if (t == MessageType.Sync) SyncProtocol.Handle(doc, b);
        }

        byte[] update = [];
        doc.Update += (_, e) => update = e.Update;
        doc.GetText("monaco").Insert(0, "from a websocket\n");
        await SendAsync(socket, Frames.Sync(SyncProtocol.EncodeUpdate(update)));
        await Eventually.TrueAsync(() => ada.Text.StartsWith("from a websocket\n"), "the hub peer sees the WebSocket peer's edit");

        await SendAsync(socket, [0, 2, 9, 1]); // malformed: closes this socket with the reason, the room is fine
        WebSocketReceiveResult closing;
        do closing = await socket.ReceiveAsync(new byte[64 * 1024], CancellationToken.None); // frames queued before it
        while (closing.MessageType != WebSocketMessageType.Close);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Contains("Malformed", socket.CloseStatusDescription);
        await ada.EditAsync(t => t.Insert(0, "x"));
    }

    private static Task SendAsync(WebSocket socket, byte[] frame) =>
        socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);

}
