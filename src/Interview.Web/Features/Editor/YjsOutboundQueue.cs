using System.Threading.Channels;

namespace Interview.Web.Features.Editor;

/// <summary>
/// Frames waiting to go to one y-websocket client, bounded in bytes (<see cref="EditorOptions.OutboundQueueBytes"/>):
/// a frame is counted from the moment it is queued until the socket has taken it. A frame that would take the queue
/// past its bound is refused and the queue closes for good: its owner then closes the socket (a client that does not
/// read must not make the server buffer for it). A frame larger than the bound still goes when nothing is waiting,
/// so the largest document can always be sent once. Writers are the room's loop and the connection; one reader.
/// </summary>
internal sealed class YjsOutboundQueue(long limitBytes, EditorMetrics metrics)
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private long _bytes;
    private bool _overflowed;

    /// <summary>True once a frame was refused for lack of room.</summary>
    public bool Overflowed { get { lock (_lock) return _overflowed; } }

    public ChannelReader<byte[]> Reader => _frames.Reader;

    /// <summary>Queues a frame; false when it does not fit (the queue is then closed) or the queue is already closed.</summary>
    public bool TryEnqueue(byte[] frame)
    {
        lock (_lock)
        {
            if (_overflowed) return false;
            if (_bytes > 0 && _bytes + frame.Length > limitBytes)
            {
                _overflowed = true;
                _frames.Writer.TryComplete();
                return false;
            }
            if (!_frames.Writer.TryWrite(frame)) return false;
            _bytes += frame.Length;
        }
        metrics.Queued(frame.Length);
        return true;
    }

    /// <summary>The reader is done with <paramref name="frame"/> (sent or discarded).</summary>
    public void Release(byte[] frame)
    {
        lock (_lock) _bytes -= frame.Length;
        metrics.Queued(-frame.Length);
    }

    /// <summary>No more frames: the reader finishes what is queued.</summary>
    public void Complete() => _frames.Writer.TryComplete();

    /// <summary>Releases whatever the reader left behind.</summary>
    public void Discard()
    {
        while (_frames.Reader.TryRead(out var frame)) Release(frame);
    }
}
