using System.Net.WebSockets;
using Interview.Crdt;
using Interview.Crdt.Protocols;
using Interview.Crdt.Types;

namespace Interview.Web.Tests.Support;

/// <summary>A stock y-websocket client on <c>/yjs/{roomId}</c>: an Interview.Crdt doc synced over a plain WebSocket.</summary>
public sealed class YjsSocket : IAsyncDisposable
{
    private YjsSocket(WebSocket socket) => Socket = socket;

    public WebSocket Socket { get; }
    public Doc Doc { get; } = new();

    /// <summary>Connects to a node running as its own process and syncs.</summary>
    public static async Task<YjsSocket> ConnectAsync(Uri node, string roomId, string query = "")
    {
        var socket = new ClientWebSocket();
        var url = new UriBuilder(new Uri(node, $"/yjs/{roomId}{query}")) { Scheme = "ws" }.Uri;
        await socket.ConnectAsync(url, CancellationToken.None);
        var peer = new YjsSocket(socket);
        await peer.SyncAsync();
        return peer;
    }

    private readonly Lock _lock = new();

    /// <summary>The document's text, read under the lock <see cref="ReceiveInBackground"/> applies frames under.</summary>
    public string Text
    {
        get
        {
            lock (_lock) return Doc.GetText("monaco").ToString();
        }
    }

    /// <summary>Applies every sync frame the server sends from now on (until the socket closes); edits take the same lock.</summary>
    public Task ReceiveInBackground() => Task.Run(async () =>
    {
        try
        {
            while (true)
            {
                var (type, body) = Frames.Decode(await ReceiveAsync(Timeout.InfiniteTimeSpan));
                if (type != MessageType.Sync) continue;
                byte[]? answer;
                lock (_lock) answer = SyncProtocol.Handle(Doc, body, "remote");
                if (answer is not null) await SendAsync(Frames.Sync(answer));
            }
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            // closed
        }
    });

    /// <summary>Connects and syncs; throws <see cref="YjsRefusedException"/> with the status when the server refuses the upgrade.</summary>
    public static async Task<YjsSocket> ConnectAsync(InterviewFactory factory, string roomId, string query = "", string? cookie = null)
    {
        var client = factory.Server.CreateWebSocketClient();
        if (cookie is not null) client.ConfigureRequest = request => request.Headers.Cookie = cookie;
        WebSocket socket;
        try { socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, $"/yjs/{roomId}{query}"), CancellationToken.None); }
        catch (InvalidOperationException e) when (e.Message.Contains("status code")) { throw new YjsRefusedException(int.Parse(e.Message[^3..])); }
        var peer = new YjsSocket(socket);
        await peer.SyncAsync();
        return peer;
    }

    /// <summary>The status the server answers instead of upgrading (403, 410, …).</summary>
    public static async Task<int> RefusalAsync(InterviewFactory factory, string roomId, string query = "") =>
        (await Assert.ThrowsAsync<YjsRefusedException>(() => ConnectAsync(factory, roomId, query))).Status;

    private async Task SyncAsync()
    {
        var (type, body) = Frames.Decode(await ReceiveAsync());
        Assert.Equal(MessageType.Sync, type);
        await SendAsync(Frames.Sync(SyncProtocol.Handle(Doc, body)!));
        await SendAsync(Frames.Sync(SyncProtocol.EncodeStep1(Doc)));
        while (true)
        {
            var (t, b) = Frames.Decode(await ReceiveAsync());
            if (t != MessageType.Sync) continue;
            var message = SyncProtocol.Decode(b);
            SyncProtocol.Handle(Doc, b);
            if (message.Type == SyncMessageType.Step2) return;
        }
    }

    /// <summary>Makes a change and sends it as an update (y-websocket has no acknowledgement).</summary>
    public Task EditAsync(Action<YText> edit)
    {
        byte[] update = [];
        void Capture(object? _, UpdateEventArgs e) => update = e.Update;
        lock (_lock)
        {
            Doc.Update += Capture;
            Doc.Transact(_ => edit(Doc.GetText("monaco")));
            Doc.Update -= Capture;
        }
        return SendAsync(Frames.Sync(SyncProtocol.EncodeUpdate(update)));
    }

    /// <summary>Reads until the server closes the socket; returns its close status and reason.</summary>
    public async Task<(WebSocketCloseStatus? Status, string? Reason)> ClosedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        while ((await Socket.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close) { }
        return (Socket.CloseStatus, Socket.CloseStatusDescription);
    }

    public Task SendAsync(byte[] frame) => Socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);

    private async Task<byte[]> ReceiveAsync() => await ReceiveAsync(TimeSpan.FromSeconds(15));

    private async Task<byte[]> ReceiveAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new InvalidOperationException($"/yjs closed the socket: {Socket.CloseStatus} {Socket.CloseStatusDescription}");
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return message.ToArray();
    }

    public ValueTask DisposeAsync()
    {
        Socket.Abort();
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class YjsRefusedException(int status) : Exception($"/yjs refused with {status}")
{
    public int Status { get; } = status;
}
