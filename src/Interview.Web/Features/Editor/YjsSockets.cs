using System.Collections.Concurrent;

namespace Interview.Web.Features.Editor;

/// <summary>Closes a <c>/yjs</c> socket by connection id, wherever it is connected.</summary>
public interface IYjsSocketCloser
{
    /// <summary>Closes the socket with status 1008 and <paramref name="reason"/>; nothing if no such socket is open.</summary>
    Task CloseAsync(string connectionId, string reason);
}

/// <summary>
/// The open <c>/yjs</c> sockets of this node by connection id, so a room can cut one (a removed participant's) with a
/// close reason. The connection itself sends the close (only its send loop writes to the socket) and aborts a
/// client that does not take it in time.
/// </summary>
public sealed class YjsSockets : IYjsSocketCloser
{
    private const string ConnectionPrefix = "yjs:";

    private readonly ConcurrentDictionary<string, Handle> _open = new(StringComparer.Ordinal);

    /// <summary>A new socket's connection id; it never collides with a hub connection's.</summary>
    public static string NewConnectionId() => ConnectionPrefix + Guid.NewGuid().ToString("N");

    /// <summary>Whether <paramref name="connectionId"/> is a <c>/yjs</c> socket's (not a hub connection's, so in no hub group).</summary>
    public static bool IsSocket(string connectionId) => connectionId.StartsWith(ConnectionPrefix, StringComparison.Ordinal);

    /// <summary>Registers a socket before its room is asked to admit it, so a removal that races the join still finds it.</summary>
    internal Handle Open(string connectionId) => _open[connectionId] = new Handle(this, connectionId);

    /// <summary>Closes the socket with status 1008 and <paramref name="reason"/>; nothing if it is not open here.</summary>
    public Task CloseAsync(string connectionId, string reason)
    {
        if (_open.TryGetValue(connectionId, out var handle)) handle.Close(reason);
        return Task.CompletedTask;
    }

    /// <summary>One socket's registration: a close requested before the connection runs is applied when it attaches.</summary>
    internal sealed class Handle(YjsSockets owner, string connectionId) : IDisposable
    {
        private readonly Lock _lock = new();
        private Action<string>? _close;
        private string? _reason;

        public void Attach(Action<string> close)
        {
            string? pending;
            lock (_lock)
            {
                _close = close;
                pending = _reason;
            }
            if (pending is not null) close(pending);
        }

        public void Close(string reason)
        {
            Action<string>? close;
            lock (_lock)
            {
                _reason ??= reason;
                close = _close;
            }
            close?.Invoke(reason);
        }

        public void Dispose() => owner._open.TryRemove(new KeyValuePair<string, Handle>(connectionId, this));
    }
}
