using Interview.Crdt;
using Interview.Crdt.Protocols;
using Interview.Crdt.Types;

namespace Interview.Web.Features.Editor;

/// <summary>A snapshot of a room document's bookkeeping, for tests, benchmarks and operations.</summary>
public sealed record EditorStats(bool Loaded, int Peers, long LastSeq, long EstimatedBytes, int UpdatesSinceSnapshot,
    long HistoryBaseSeq = 0, long HistoryUpdates = 0);

/// <summary>
/// The authoritative Yjs document of one room and the y-protocols conversation with its peers (hub connections and
/// y-websocket clients). Owned by the room's <see cref="RoomDocument"/>: every method runs on the room's loop, so nothing here is locked.
/// Loaded lazily from storage (latest snapshot + updates after it), unloaded when idle. <paramref name="displayNameOf"/>
/// names the participant behind an update, for the history; <paramref name="post"/> queues work on the actor's loop
/// (a finished commit).
/// </summary>
internal sealed partial class EditorSession(
    string roomId, EditorServices services, ILogger logger, Func<string, string?> displayNameOf, Func<Func<Task>, Task> post)
{
    public const string TextName = "monaco";
    public const string MetaName = "meta";
    public const string LanguageKey = "language";

    private readonly Dictionary<string, PeerState> _peers = new(StringComparer.Ordinal);
    private readonly List<byte[]> _emitted = [];
    private Doc? _doc;
    private Awareness? _awareness;
    private string _language = EditorLanguages.Default;
    private DateTimeOffset _idleSince;

    /// <summary>Raised (on the actor's loop) when the shared language in <c>Y.Map('meta')</c> changed.</summary>
    public event Action? LanguageChanged;

    public bool IsLoaded => _doc is not null;
    public string Language => _language;
    public int PeerCount => _peers.Count;

    public EditorStats Stats => new(_doc is not null, _peers.Count, _lastSeq, EstimatedBytes, _updatesSinceSnapshot,
        _historyBaseSeq, _historyUpdates);

    private EditorOptions Options => services.Options;
    private DateTimeOffset Now => services.Time.GetUtcNow();

    /// <summary>The editor text and language now (loads the document if needed).</summary>
    public async Task<(string Text, string Language)> ReadAsync()
    {
        var doc = await EnsureLoadedAsync();
        return (doc.GetText(TextName).ToString(), _language);
    }

    /// <summary>
    /// A y-websocket client connected: it gets the server's sync step 1 and the awareness states, as y-websocket's
    /// server sends them on connection.
    /// </summary>
    public async Task<EditorReply> OpenAsync(EditorPeer peer)
    {
        var doc = await EnsureLoadedAsync();
        await RegisterAsync(peer);
        List<byte[]> frames = [Frames.Sync(SyncProtocol.EncodeStep1(doc))];
        if (_awareness!.States.Count > 0) frames.Add(Frames.Awareness(_awareness.EncodeUpdate()));
        return new EditorReply(frames, null);
    }

    /// <summary>Handles one y-websocket frame from <paramref name="peer"/> (docs/protocol.md).</summary>
    public async Task<EditorReply> ReceiveAsync(EditorPeer peer, ReadOnlyMemory<byte> frame)
    {
        MessageType type;
        ReadOnlyMemory<byte> body;
        SyncMessage sync = default;
        try
        {
            (type, body) = Frames.Decode(frame);
            if (type == MessageType.Sync) sync = SyncProtocol.Decode(body);
        }
        catch (CrdtFormatException e)
        {
            return Malformed(peer, e.Message);
        }

        var doc = await EnsureLoadedAsync();
        var state = await RegisterAsync(peer);
        switch (type)
        {
            case MessageType.Sync when sync.Type == SyncMessageType.Step1:
                byte[] diff;
                try { diff = Updates.EncodeStateAsUpdate(doc, sync.Payload.Span); }
                catch (CrdtFormatException e) { return Malformed(peer, e.Message); }
                List<byte[]> frames = [Frames.Sync(SyncProtocol.EncodeStep2(diff)), Frames.Sync(SyncProtocol.EncodeStep1(doc))];
                if (_awareness!.States.Count > 0) frames.Add(Frames.Awareness(_awareness.EncodeUpdate()));
                return new EditorReply(frames, null);
            case MessageType.Sync:
                return await ApplyAsync(state, sync.Payload);
            case MessageType.Awareness:
                return await ApplyAwarenessAsync(state, body);
            case MessageType.QueryAwareness:
                return new EditorReply([Frames.Awareness(_awareness!.EncodeUpdate())], null);
            default:
                return EditorReply.Empty; // Auth: permissions are checked when connecting, nothing to answer.
        }
    }

    /// <summary>The connection closed or left the room: its awareness states are removed for everyone.</summary>
    public async Task RemovePeerAsync(string connectionId)
    {
        if (!_peers.Remove(connectionId, out var state)) return;
        if (_peers.Count == 0) _idleSince = Now;
        foreach (var client in state.Clients) _awarenessOwners.Remove(client);
        if (_awareness is null || state.Clients.Count == 0) return;
        var (change, update) = _awareness.RemoveStates(state.Clients, Now);
        if (change.Removed.Count > 0) await BroadcastAsync(Frames.Awareness(update), null);
    }

    /// <summary>Sets the shared language; an empty editor (or an untouched starter) gets the language's template.</summary>
    public async Task<string?> SetLanguageAsync(string language, string? author)
    {
        if (EditorLanguages.Find(language) is not { } chosen) return $"Unknown language '{language}'.";
        var doc = await EnsureLoadedAsync();
        return await TransactAsync(doc, author, () =>
        {
            doc.GetMap(MetaName).Set(LanguageKey, chosen.Id);
            var text = doc.GetText(TextName);
            var current = text.ToString();
            if (!EditorLanguages.IsBlankOrTemplate(current) || current == chosen.Template) return;
            if (current.Length > 0) text.Delete(0, current.Length);
            text.Insert(0, chosen.Template);
        });
    }

    /// <summary>Every few seconds while loaded: drops silent awareness states; unloads an idle document.</summary>
    /// <returns>False once the document is unloaded (the caller stops ticking).</returns>
    public async Task<bool> TickAsync()
    {
        if (_awareness is null || _doc is null) return false;
        // A silent connection keeps its client ids (it may renew them); they are released when it goes.
        if (_awareness.RemoveOutdated(Now) is { } outdated) await BroadcastAsync(Frames.Awareness(outdated.Update), null);
        if (_peers.Count > 0 || Now - _idleSince < TimeSpan.FromSeconds(Options.UnloadAfterIdleSeconds)) return true;
        await UnloadAsync();
        return false;
    }

    /// <summary>Compacts (when there is anything to compact) and drops the document from memory.</summary>
    public async Task UnloadAsync()
    {
        if (_doc is null) return;
        await DrainCommitsAsync();
        if (_updatesSinceSnapshot > 0) await CompactAsync(_doc);
        _doc = null;
        _awareness = null;
        Log.Unloaded(logger, roomId);
    }

    private async Task<PeerState> RegisterAsync(EditorPeer peer)
    {
        if (_peers.TryGetValue(peer.ConnectionId, out var state)) return state;
        state = new PeerState(peer);
        _peers.Add(peer.ConnectionId, state);
        if (peer.Transport == EditorTransport.Hub) await services.Broadcaster.AddAsync(roomId, peer.ConnectionId);
        return state;
    }

    private async Task BroadcastAsync(byte[] frame, EditorPeer? except)
    {
        foreach (var state in _peers.Values)
        {
            if (state.Peer.Send is { } send && !ReferenceEquals(state.Peer, except)) await send(frame);
        }
        var exceptHub = except is { Transport: EditorTransport.Hub } ? except.ConnectionId : null;
        if (_peers.Values.Any(p => p.Peer.Transport == EditorTransport.Hub && p.Peer.ConnectionId != exceptHub))
            await services.Broadcaster.SendAsync(roomId, frame, exceptHub);
    }

    private EditorReply Malformed(EditorPeer peer, string detail)
    {
        Log.MalformedFrame(logger, roomId, peer.ConnectionId, detail);
        return EditorReply.Rejected("Malformed editor message: " + detail);
    }

    private void CheckLanguage()
    {
        if (_doc is null) return;
        var value = _doc.GetMap(MetaName).Get(LanguageKey) as string;
        var language = EditorLanguages.Find(value)?.Id ?? EditorLanguages.Default;
        if (language == _language) return;
        _language = language;
        LanguageChanged?.Invoke();
    }

    private sealed class PeerState(EditorPeer peer)
    {
        public EditorPeer Peer { get; } = peer;

        /// <summary>The awareness client ids this connection introduced (and alone may change).</summary>
        public HashSet<ulong> Clients { get; } = [];
    }
}
