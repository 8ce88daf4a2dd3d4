using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using Interview.Crdt;
using Interview.Crdt.Protocols;
using Interview.Web.Features.Editor;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Editor;

/// <summary><c>/yjs</c> sockets cannot make the server buffer, work or hold sockets without bound.</summary>
public sealed class YjsResourceLimitTests
{
    [Fact]
    public async Task A_socket_sending_faster_than_the_editor_limit_is_closed_with_the_reason()
    {
        await using var factory = new InterviewFactory();
        var roomId = (await factory.Rooms.CreateAsync("Flood", 6)).Id;
        using var socket = await ConnectAsync(factory, roomId);

        // 1,000 frames at once: far over 100 per second with bursts of 200, however slowly the server goes.
        for (var i = 0; i < 1000; i++) await SendAsync(socket, [(byte)MessageType.QueryAwareness]);
        var closing = await ReadUntilCloseAsync(socket);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, closing.Status);
        Assert.Contains("Too many editor messages", closing.Reason);
    }

    [Fact]
    public async Task Sockets_are_capped_per_room_and_per_address_and_a_closed_one_frees_its_place()
    {
        await using var factory = new InterviewFactory(new() { ["Editor:MaxSocketsPerRoom"] = "2", ["Editor:MaxSocketsPerAddress"] = "3" });
        var first = (await factory.Rooms.CreateAsync("One", 6)).Id;
        var second = (await factory.Rooms.CreateAsync("Two", 6)).Id;
        using var a1 = await ConnectAsync(factory, first);
        using var a2 = await ConnectAsync(factory, first);
        var roomFull = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(factory, first));
        Assert.Contains("429", roomFull.Message);

        using var b1 = await ConnectAsync(factory, second);
        var addressFull = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(factory, second));
        Assert.Contains("429", addressFull.Message);

        await a1.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        WebSocket? again = null;
        await Eventually.TrueAsync(async () =>
        {
            try { again = await ConnectAsync(factory, first); return true; }
            catch (InvalidOperationException) { return false; }
        }, "the closed socket's place is free again");
        again!.Dispose();
    }

    /// <summary>
    /// A client that never reads asks 1,000 times for a 128 KiB document (about 128 MB of answers). The bound: the
    /// bytes the server holds queued for it never exceed <c>Editor:OutboundQueueBytes</c> (1 MiB here), and the
    /// server closes it. Real Kestrel and TCP, so that the unread bytes push back as they do in production.
    /// </summary>
    [Fact]
    public async Task A_client_that_never_reads_keeps_the_servers_queued_bytes_under_the_bound_and_is_closed()
    {
        const long bound = 1024 * 1024;
        await using var factory = new InterviewFactory(new()
        {
            ["Editor:OutboundQueueBytes"] = bound.ToString(),
            ["Editor:FramesPerSecond"] = "100000", // the queue's bound is under test here, not the rate limit
        });
        factory.UseKestrel();
        factory.StartServer();
        var baseUri = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var yjs = (string roomId) => new UriBuilder(baseUri) { Scheme = "ws", Path = $"/yjs/{roomId}" }.Uri;
        using var queued = new QueuedBytes(factory.Services.GetRequiredService<IMeterFactory>());

        var roomId = (await factory.Rooms.CreateAsync("Slow reader", 6)).Id;
        var room = (await factory.Rooms.FindAsync(roomId))!;
        using (var writer = new ClientWebSocket())
        {
            await writer.ConnectAsync(yjs(roomId), CancellationToken.None);
            var doc = new Doc(7);
            byte[] update = [];
            doc.Update += (_, e) => update = e.Update;
            doc.GetText("monaco").Insert(0, new string('x', 128 * 1024));
            await SendAsync(writer, Frames.Sync(SyncProtocol.EncodeUpdate(update)));
            await Eventually.TrueAsync(async () => (await room.ReadEditorAsync()).Text.Length >= 128 * 1024, "the document holds 128 KiB");
            await writer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        }
        await Eventually.TrueAsync(async () => (await room.GetEditorStatsAsync()).Peers == 0, "the writer is gone");

        using var reader = new ClientWebSocket();
        await reader.ConnectAsync(yjs(roomId), CancellationToken.None);
        var step1 = Frames.Sync(SyncProtocol.EncodeStep1(new Doc(8)));
        try
        {
            for (var i = 0; i < 1000; i++) await SendAsync(reader, step1);
        }
        catch (WebSocketException)
        {
            // The server may already have cut it off.
        }

        await Eventually.TrueAsync(async () => queued.Peak > bound || ((await room.GetEditorStatsAsync()).Peers == 0 && queued.Now == 0),
            "the server closes the client that does not read and lets go of its queue", TimeSpan.FromSeconds(30));
        Assert.True(queued.Peak <= bound, $"at most {bound} bytes queued for the slow reader (peak {queued.Peak})");
        Assert.True(queued.Peak > 0, "the answers went through the measured queue");
        Assert.Equal(0, queued.Now);
        Assert.Equal(1, queued.SlowReadersClosed);
    }

    private static async Task<WebSocket> ConnectAsync(InterviewFactory factory, string roomId) =>
        await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(factory.Server.BaseAddress, $"/yjs/{roomId}"), CancellationToken.None);

    private static Task SendAsync(WebSocket socket, byte[] frame) =>
        socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);

    private static async Task<(WebSocketCloseStatus? Status, string? Reason)> ReadUntilCloseAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do result = await socket.ReceiveAsync(buffer, timeout.Token);
        while (result.MessageType != WebSocketMessageType.Close);
        return (socket.CloseStatus, socket.CloseStatusDescription);
    }

    /// <summary>The editor meter of one host, read as it changes: bytes queued now, their peak, slow readers closed.</summary>
    private sealed class QueuedBytes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Lock _lock = new();
        private long _now, _peak, _closed;

        public QueuedBytes(IMeterFactory meters)
        {
            var scope = meters;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == EditorMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope)) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                lock (_lock)
                {
                    if (instrument.Name == EditorMetrics.SlowReadersClosed) _closed += value;
                    else if (instrument.Name == EditorMetrics.OutboundQueuedBytes) _peak = Math.Max(_peak, _now += value);
                }
            });
            _listener.Start();
        }

        public long Now { get { lock (_lock) return _now; } }
        public long Peak { get { lock (_lock) return _peak; } }
        public long SlowReadersClosed { get { lock (_lock) return _closed; } }

        public void Dispose() => _listener.Dispose();
    }
}
