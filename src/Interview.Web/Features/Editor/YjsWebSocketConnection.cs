using System.Net.WebSockets;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Cluster;

namespace Interview.Web.Features.Editor;

/// <summary>
/// One stock Yjs client (y-websocket provider) on <c>/yjs/{roomId}</c>: binary messages are y-websocket frames, read
/// whole (up to the update limit), rate-limited like the hub's editor calls, and handed to the room; frames for the
/// client leave through a queue bounded in bytes. A client that sends too much, sends a frame the room rejects, or
/// does not read what it is sent is closed with the reason. Only the send loop writes to the socket (a WebSocket
/// takes one send at a time), so every close goes through it, after the frames queued before it.
/// </summary>
internal sealed class YjsWebSocketConnection(WebSocket socket, IRoom room, EditorOptions options, string connectionId, string participantId, EditorMetrics metrics, IWriteGate gate)
{
    /// <summary>How long a client that overflowed its queue, or that the room cut, has to take the close frame
    /// before the socket is aborted.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    /// <summary>The WebSocket close code 1013 (RFC 6455 registry: "Try Again Later"), which the enum lacks.</summary>
    private const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    private readonly YjsOutboundQueue _outbound = new(options.OutboundQueueBytes, metrics);
    private readonly CancellationTokenSource _sendDeadline = new();
    private readonly CancellationTokenSource _receiveDeadline = new();
    private readonly string _connectionId = connectionId;
    private readonly Lock _closeLock = new();
    private readonly Lock _openLock = new();
    /// <summary>Room frames for this peer that came before its opening frames were queued (null once they are):
    /// the opening sync step 1 always goes first, as y-websocket's own server does.</summary>
    private List<byte[]>? _beforeOpening = [];
    private (WebSocketCloseStatus Status, string Reason)? _close;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var rate = new EditorRateLimiter(options);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _sendDeadline.Token);
        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _receiveDeadline.Token);
        var peer = new EditorPeer(_connectionId, EditorTransport.WebSocket, participantId) { Send = Send };
        var sender = SendLoopAsync(sending.Token);
        try
        {
            var opening = await room.EditorOpenAsync(peer);
            if (opening.Error is { } refused)
            {
                Close(WebSocketCloseStatus.PolicyViolation, refused);
                return;
            }
            lock (_openLock)
            {
                foreach (var frame in opening.Frames.Concat(_beforeOpening!)) Queue(frame);
                _beforeOpening = null;
            }
            while (!_outbound.Overflowed && await ReceiveAsync(receiving.Token) is { } frame)
            {
                if (rate.TryAcquire(frame.Length) is { } limited)
                {
                    Close(WebSocketCloseStatus.PolicyViolation, limited);
                    return;
                }
                if (gate.Refusal is { } refusal)
                {
                    // 1013 "try again later": the client reconnects and re-syncs once the node accepts changes again.
                    Close(TryAgainLater, refusal);
                    return;
                }
                var reply = await room.EditorReceiveAsync(peer, frame);
                if (reply.Error is { } error)
                {
                    Close(WebSocketCloseStatus.PolicyViolation, error);
                    return;
                }
                Enqueue(reply.Frames);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away, or did not answer the close of a slow reader in time.
        }
        finally
        {
            _outbound.Complete();
            await room.EditorPeerGoneAsync(_connectionId);
            await sender;
            _sendDeadline.Dispose();
            _receiveDeadline.Dispose();
        }
    }

    private ValueTask Send(byte[] frame)
    {
        lock (_openLock)
        {
            if (_beforeOpening is not null)
            {
                _beforeOpening.Add(frame);
                return ValueTask.CompletedTask;
            }
        }
        Queue(frame);
        return ValueTask.CompletedTask;
    }

    private void Queue(byte[] frame)
    {
        if (_outbound.TryEnqueue(frame) || !_outbound.Overflowed) return;
        if (Close(WebSocketCloseStatus.PolicyViolation, $"Too slow: more than {options.OutboundQueueBytes / (1024 * 1024.0):0.#} MB waiting to be read."))
        {
            metrics.SlowReaderClosed();
            // The close frame waits behind what the socket already took; a client that never reads never gets it.
            _sendDeadline.CancelAfter(CloseGrace);
            _receiveDeadline.CancelAfter(CloseGrace);
        }
    }

    /// <summary>The room cut this participant (removed, room ended): close with the reason after what is queued, and
    /// abort if the client does not take the close in time.</summary>
    public void CloseByRoom(string reason)
    {
        if (!Close(WebSocketCloseStatus.PolicyViolation, reason)) return;
        _sendDeadline.CancelAfter(CloseGrace);
        _receiveDeadline.CancelAfter(CloseGrace);
    }

    private void Enqueue(IReadOnlyList<byte[]> frames)
    {
        foreach (var frame in frames) Send(frame);
    }

    /// <summary>Asks the send loop to close the socket after what is queued (the first reason wins).</summary>
    private bool Close(WebSocketCloseStatus status, string reason)
    {
        lock (_closeLock)
        {
            if (_close is not null) return false;
            // A close reason is at most 123 bytes of UTF-8.
            _close = (status, reason.Length > 100 ? reason[..100] : reason);
        }
        _outbound.Complete();
        return true;
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outbound.Reader.ReadAllAsync(CancellationToken.None))
            {
                try
                {
                    if (!_outbound.Overflowed) await socket.SendAsync(frame, WebSocketMessageType.Binary, true, cancellationToken);
                }
                finally { _outbound.Release(frame); }
            }
            (WebSocketCloseStatus, string)? close;
            lock (_closeLock) close = _close;
            if (close is var (status, reason) && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(status, reason, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The receive side notices and cleans up.
        }
        finally
        {
            _outbound.Discard();
        }
    }

    /// <summary>The next whole binary message, or null when the client closed (or must be closed).</summary>
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
                Close(WebSocketCloseStatus.NormalClosure, "");
                return null;
            }
            if (message.Length + result.Count > limit)
            {
                Close(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {options.MaxUpdateBytes / (1024 * 1024.0):0.#} MB.");
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            if (result.MessageType == WebSocketMessageType.Text)
            {
                Close(WebSocketCloseStatus.InvalidMessageType, "y-websocket frames are binary.");
                return null;
            }
            return message.ToArray();
        }
    }
}
