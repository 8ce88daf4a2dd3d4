using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace Interview.Web.Features.Editor;

/// <summary>
/// The open <c>/yjs</c> sockets of this node by connection id, so a room can cut one (a removed participant's) with a
/// close reason. A socket that does not finish the close handshake within <see cref="CloseGrace"/> is aborted.
/// </summary>
public sealed class YjsSockets
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Handle> _open = new(StringComparer.Ordinal);

    /// <summary>Registers a socket before its room is asked to admit it, so a removal that races the join still finds it.</summary>
    internal Handle Open(string connectionId) => _open[connectionId] = new Handle(this, connectionId);

    /// <summary>Closes the socket with status 1008 and <paramref name="reason"/>; nothing if it is not open here.</summary>
    public Task CloseAsync(string connectionId, string reason) =>
        _open.TryGetValue(connectionId, out var handle) ? handle.CloseAsync(reason) : Task.CompletedTask;

    /// <summary>One socket's registration: cancels the connection's work once closed by the room.</summary>
    internal sealed class Handle(YjsSockets owner, string connectionId) : IDisposable
    {
        private readonly CancellationTokenSource _closed = new();
        private WebSocket? _socket;
        private string? _reason;

        /// <summary>Cancelled once the room closed the socket and the grace for the handshake ran out.</summary>
        public CancellationToken Closed => _closed.Token;

        /// <summary>The socket is accepted; a close requested before this happens now.</summary>
        public Task AttachAsync(WebSocket socket)
        {
            _socket = socket;
            return _reason is { } reason ? CloseAsync(reason) : Task.CompletedTask;
        }

        public async Task CloseAsync(string reason)
        {
            _reason = reason;
            if (_socket is not { State: WebSocketState.Open or WebSocketState.CloseReceived } socket) return;
            try { await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, reason, CancellationToken.None); }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException) { }
            try { _closed.CancelAfter(CloseGrace); }
            catch (ObjectDisposedException) { }
        }

        public void Dispose()
        {
            owner._open.TryRemove(new KeyValuePair<string, Handle>(connectionId, this));
            _closed.Dispose();
        }
    }
}
