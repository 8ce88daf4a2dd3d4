namespace Interview.Web.Features.Editor;

/// <summary>
/// Caps open <c>/yjs</c> sockets per room (<see cref="EditorOptions.MaxSocketsPerRoom"/>) and per client address
/// (<see cref="EditorOptions.MaxSocketsPerAddress"/>). A socket holds its place from before the upgrade until its
/// handler ends. The address is the connection's remote address (the client's, once forwarded headers are applied).
/// </summary>
internal sealed class YjsSocketLimiter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _perRoom = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perAddress = new(StringComparer.Ordinal);

    /// <summary>A place for one socket, or null with the refusal in <paramref name="refusal"/>.</summary>
    public IDisposable? TryEnter(string roomId, string address, EditorOptions options, out string refusal)
    {
        lock (_lock)
        {
            if (_perRoom.GetValueOrDefault(roomId) >= options.MaxSocketsPerRoom)
            {
                refusal = $"This room already has {options.MaxSocketsPerRoom} editor sockets open; try again later.";
                return null;
            }
            if (_perAddress.GetValueOrDefault(address) >= options.MaxSocketsPerAddress)
            {
                refusal = $"At most {options.MaxSocketsPerAddress} editor sockets may be open from one address.";
                return null;
            }
            _perRoom[roomId] = _perRoom.GetValueOrDefault(roomId) + 1;
            _perAddress[address] = _perAddress.GetValueOrDefault(address) + 1;
        }
        refusal = "";
        return new Place(this, roomId, address);
    }

    private void Leave(string roomId, string address)
    {
        lock (_lock)
        {
            Decrement(_perRoom, roomId);
            Decrement(_perAddress, address);
        }
    }

    private static void Decrement(Dictionary<string, int> counts, string key)
    {
        if (counts[key] == 1) counts.Remove(key);
        else counts[key]--;
    }

    private sealed class Place(YjsSocketLimiter limiter, string roomId, string address) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) limiter.Leave(roomId, address);
        }
    }
}
