using Interview.Web.Features.Editor;

namespace Interview.Web.Features.Rooms;

/// <summary>The room's document: frames from hub and y-websocket peers, language, lazy load and idle unload.</summary>
internal sealed partial class RoomActor
{
    private static readonly TimeSpan EditorTick = TimeSpan.FromSeconds(5);

    private EditorSession? _editorSession;
    private bool _editorTicking;
    private volatile EditorView _editorView = new(EditorLanguages.Default, []);
    private readonly List<Action<EditorView>> _editorSubscribers = [];

    public EditorView EditorView => _editorView;

    private EditorSession Editor
    {
        get
        {
            if (_editorSession is null)
            {
                _editorSession = new EditorSession(Id, _editor, _logger);
                _editorSession.LanguageChanged += () => PublishEditor();
            }
            if (!_editorTicking)
            {
                _editorTicking = true;
                _ = TickEditorAsync();
            }
            return _editorSession;
        }
    }

    public IDisposable SubscribeEditor(Action<EditorView> onChange)
    {
        lock (_subscribersLock) _editorSubscribers.Add(onChange);
        return new CallbackSubscription(() => { lock (_subscribersLock) _editorSubscribers.Remove(onChange); });
    }

    public Task<EditorReply> EditorOpenAsync(EditorPeer peer) => Enqueue(() =>
        _record.EndedAt is not null ? Task.FromResult(EditorReply.Rejected("The room has ended.")) : Editor.OpenAsync(peer));

    public Task<EditorReply> EditorReceiveAsync(EditorPeer peer, ReadOnlyMemory<byte> frame) => Enqueue(() =>
        _record.EndedAt is not null ? Task.FromResult(EditorReply.Rejected("The room has ended."))
        : EditorRefusal(peer, frame) is { } refused ? Task.FromResult(EditorReply.Rejected(refused))
        : Editor.ReceiveAsync(peer, frame));

    public Task EditorPeerGoneAsync(string connectionId) => Enqueue(() =>
        _editorSession is null ? Task.CompletedTask : _editorSession.RemovePeerAsync(connectionId));

    public Task<string?> SetLanguageAsync(string participantId, string language) => Enqueue(async () =>
    {
        if (_record.EndedAt is not null) return "The room has ended.";
        if (!_participants.TryGetValue(participantId, out var participant)) return "Join the room first.";
        if (!RolePolicy.CanEdit(participant.Role, _record.EditorLocked))
            return participant.Role == ParticipantRole.Observer ? "Observers cannot change the language." : "The editor is locked: only interviewers can change the language.";
        return await Editor.SetLanguageAsync(language, participantId);
    });

    public Task<EditorStats> GetEditorStatsAsync() => Enqueue(() =>
        Task.FromResult(_editorSession?.Stats ?? new EditorStats(false, 0, 0, 0, 0)));

    public Task<(string Text, string Language)> ReadEditorAsync() => Enqueue(() => Editor.ReadAsync());

    private async Task TickEditorAsync()
    {
        try
        {
            var loaded = true;
            while (loaded)
            {
                await Task.Delay(EditorTick, _time);
                loaded = await Enqueue(async () =>
                {
                    var stillLoaded = _editorSession is not null && await _editorSession.TickAsync();
                    if (!stillLoaded) _editorTicking = false;
                    return stillLoaded;
                });
            }
        }
        catch (ObjectDisposedException)
        {
            // The room itself was unloaded.
        }
    }

    private void PublishEditor()
    {
        var view = new EditorView(_editorSession?.Language ?? _editorView.Language, _runs);
        if (view.Language == _editorView.Language && ReferenceEquals(view.Runs, _editorView.Runs)) return;
        _editorView = view;
        Action<EditorView>[] subscribers;
        lock (_subscribersLock) subscribers = [.. _editorSubscribers];
        foreach (var subscriber in subscribers)
        {
            try { subscriber(view); }
            catch (Exception e) { Log.SubscriberFailed(_logger, Id, e); }
        }
    }

    /// <summary>Compacts and drops the document when the room is unloaded.</summary>
    private async Task UnloadEditorAsync()
    {
        CancelActiveRun();
        if (_editorSession is not null) await _editorSession.UnloadAsync();
    }

    private sealed class CallbackSubscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
