using System.Net.WebSockets;
using System.Threading.Channels;
using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Editor;

/// <summary>
/// One stock Yjs client (y-websocket provider) on <c>/yjs/{roomId}</c>: binary messages are y-websocket frames, read
/// whole (up to the update limit) and handed to the room; frames for the client leave through a bounded queue. A
/// client that cannot keep up, or sends a frame the room rejects, is disconnected with the reason.
/// </summary>
internal sealed class YjsWebSocketConnection(WebSocket socket, IRoom room, EditorOptions options, string connectionId, string participantId)
{
    private const int OutboundQueueFrames = 4096;
    private readonly Channel<byte[]> _outbound = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(OutboundQueueFrames) { SingleReader = true });
    private readonly string _connectionId = connectionId;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var peer = new EditorPeer(_connectionId, EditorTransport.WebSocket, participantId, Send);
        var sender = SendLoopAsync(cancellationToken);
        try
        {
            var opening = await room.EditorOpenAsync(peer);
            if (opening.Error is { } refused)
            {
                await CloseAsync(WebSocketCloseStatus.PolicyViolation, refused);
                return;
            }
            Enqueue(opening.Frames);
            while (await ReceiveAsync(cancellationToken) is { } frame)
            {
                var reply = await room.EditorReceiveAsync(peer, frame);
                if (reply.Error is { } error)
                {
                    await CloseAsync(WebSocketCloseStatus.PolicyViolation, error);
                    return;
                }
                Enqueue(reply.Frames);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            _outbound.Writer.TryComplete();
            await room.EditorPeerGoneAsync(_connectionId);
            await sender;
        }
    }

    private ValueTask Send(byte[] frame)
    {
        if (!_outbound.Writer.TryWrite(frame)) socket.Abort(); // too slow: drop it rather than buffer without bound
        return ValueTask.CompletedTask;
    }

    private void Enqueue(IReadOnlyList<byte[]> frames)
    {
        foreach (var frame in frames) Send(frame);
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                if (socket.State != WebSocketState.Open) break;
                await socket.SendAsync(frame, WebSocketMessageType.Binary, true, cancellationToken);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The receive side notices and cleans up.
        }
    }

    /// <summary>The next whole binary message, or null when the client closed.</summary>
    private async Task<byte[]?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var limit = options.MaxUpdateBytes + 1024;
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "");
                return null;
            }
            if (message.Length + result.Count > limit)
            {
                await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {options.MaxUpdateBytes / (1024 * 1024.0):0.#} MB.");
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            if (result.MessageType == WebSocketMessageType.Text)
            {
                await CloseAsync(WebSocketCloseStatus.InvalidMessageType, "y-websocket frames are binary.");
                return null;
            }
            return message.ToArray();
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        // A close reason is at most 123 bytes of UTF-8.
        var text = reason.Length > 100 ? reason[..100] : reason;
        try { await socket.CloseOutputAsync(status, text, CancellationToken.None); }
        catch (WebSocketException) { }
    }
}
