using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Interview.Crdt;
using Interview.Crdt.Protocols;
using Interview.Web.Features.Chat;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary>
/// A hub client that stops reading must not freeze its room: real Kestrel and TCP, so the unread bytes push back
/// exactly as in production (SignalR's group send waits for every member's transport).
/// </summary>
public sealed class SlowHubClientTests
{
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task A_member_that_stops_reading_does_not_hold_up_its_room()
    {
        await using var factory = new InterviewFactory(new()
        {
            // Nothing may cut the silent member during the test (SignalR's send timeout, the WebSocket keep-alive):
            // the room must serve the others while it is still connected.
            ["Hosting:SlowClientSeconds"] = "600",
            ["Hosting:WebSocketKeepAliveSeconds"] = "600",
            ["Editor:BytesPer10Seconds"] = "1000000000", // the flood is the point here, not the rate limit
            ["Editor:MaxDocumentBytes"] = "200000000",
            ["Editor:HistoryMaxBytes"] = "400000000",
        });
        factory.UseKestrel();
        factory.StartServer();
        var http = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var ws = (string path) => new UriBuilder(http) { Scheme = "ws", Path = path }.Uri;
        var roomId = (await factory.Rooms.CreateAsync("Slow member", 6)).Id;

        // The member that stops reading: joins, opens the document (so it gets every edit), then reads nothing more.
        using var slow = new ClientWebSocket();
        await slow.ConnectAsync(ws(RoomHub.Path), CancellationToken.None);
        await SendRecordAsync(slow, """{"protocol":"json","version":1}""");
        await ReadRecordsUntilAsync(slow, r => r == "{}");
        await InvokeAsync(slow, "1", nameof(RoomHub.Join), new { roomId, displayName = "Silent", sessionKey = RoomClient.NewSessionKey() });
        await InvokeAsync(slow, "2", nameof(RoomHub.EditorSync), Convert.ToBase64String(Frames.Sync(SyncProtocol.EncodeStep1(new Doc(9)))));

        // It keeps pinging, as a client that means harm would, so SignalR's client timeout does not cut it either.
        using var stopPinging = new CancellationTokenSource();
        var pinger = PingAsync(slow, stopPinging.Token);

        // A healthy member, who only follows the chat.
        await using var ada = new HubConnectionBuilder()
            .WithUrl(new Uri(http, RoomHub.Path), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .AddMessagePackProtocol().Build();
        var chat = new EventLog<ChatMessage>();
        ada.On<ChatMessage>(nameof(IRoomClient.ChatPosted), chat.Add);
        await ada.StartAsync();
        Assert.Equal(JoinStatus.Joined, (await ada.InvokeAsync<JoinResult>(nameof(RoomHub.Join),
            new JoinRequest(roomId, "Ada", RoomClient.NewSessionKey()))).Status);

        // An editor on y-websocket sends 24 MiB of edits: far more than the silent member's TCP and transport buffers.
        using var writer = new ClientWebSocket();
        await writer.ConnectAsync(ws($"/yjs/{roomId}"), CancellationToken.None);
        var drain = DrainAsync(writer);
        var flood = Task.Run(async () =>
        {
            var doc = new Doc(7);
            var updates = new List<byte[]>();
            doc.Update += (_, e) => updates.Add(e.Update);
            for (var i = 0; i < 24; i++) doc.GetText("monaco").Insert(0, new string((char)('a' + i), 1024 * 1024));
            foreach (var update in updates)
                await writer.SendAsync(Frames.Sync(SyncProtocol.EncodeUpdate(update)), WebSocketMessageType.Binary, true, CancellationToken.None);
        });

        // The room still answers and delivers, while the silent member, still connected, took none of the edits.
        await flood.WaitAsync(TimeSpan.FromSeconds(60));
        await ada.InvokeAsync(nameof(RoomHub.SendChat), "still here").WaitAsync(TimeSpan.FromSeconds(30));
        await chat.FirstAsync(m => m.Text == "still here");
        await stopPinging.CancelAsync();
        await pinger;
        GC.KeepAlive(drain);
    }

    private static Task SendRecordAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task InvokeAsync(WebSocket socket, string invocationId, string target, object argument)
    {
        await SendRecordAsync(socket, JsonSerializer.Serialize(new { type = 1, invocationId, target, arguments = new[] { argument } }));
        await ReadRecordsUntilAsync(socket, r => r.Contains("\"type\":3") && r.Contains($"\"invocationId\":\"{invocationId}\"") && !r.Contains("\"error\":\""));
    }

    /// <summary>Reads JSON hub records until one matches (its completion, say); fails on a deadline.</summary>
    private static async Task ReadRecordsUntilAsync(WebSocket socket, Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var records = text.ToString().Split(RecordSeparator);
            if (records[..^1].Any(match)) return;
            Assert.DoesNotContain(records[..^1], r => r.Contains("\"type\":3") && r.Contains("\"error\":\""));
        }
    }

    private static async Task PingAsync(WebSocket socket, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await SendRecordAsync(socket, """{"type":6}""");
                await Task.Delay(TimeSpan.FromSeconds(2), stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }

    private static async Task DrainAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open) await socket.ReceiveAsync(buffer, CancellationToken.None);
        }
        catch (WebSocketException) { }
    }
}
