using Interview.Web.Features.Editor;
using Interview.Web.Shared.Actors;

namespace Interview.Web.Features.Rooms;

/// <summary>The room's document: frames from hub and y-websocket peers, language, lazy load and idle unload.</summary>
internal sealed partial class RoomActor
{
    private static readonly TimeSpan EditorTick = TimeSpan.FromSeconds(5);

    private EditorSession? _editorSession;
    private bool _editorTicking;
    private volatile EditorView _editorView = new(EditorLanguages.Default, []);
    private readonly Subscribers<EditorView> _editorSubscribers;

    public EditorView EditorView => _editorView;

    private EditorSession Editor
    {
        get
        {
            if (_editorSession is null)
            {
                _editorSession = new EditorSession(Id, _editor, _logger, id => _participants.GetValueOrDefault(id)?.DisplayName, Enqueue);
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

    public IDisposable SubscribeEditor(Action<EditorView> onChange) => _editorSubscribers.Add(onChange);

    public Task<EditorReply> EditorOpenAsync(EditorPeer peer) => Enqueue(() =>
        _record.EndedAt is not null ? Task.FromResult(EditorReply.Rejected("The room has ended.")) : Editor.OpenAsync(peer));

    public async Task<EditorReply> EditorReceiveAsync(EditorPeer peer, ReadOnlyMemory<byte> frame)
    {
        var reply = await Enqueue(() =>
            _record.EndedAt is not null ? Task.FromResult(EditorReply.Rejected("The room has ended."))
            : EditorRefusal(peer, frame) is { } refused ? Task.FromResult(EditorReply.Rejected(refused))
            : Editor.ReceiveAsync(peer, frame));
        // An update is acknowledged once committed; the actor meanwhile goes on with other messages (group commit).
        return reply.Commit is { } commit && await commit is { } error ? EditorReply.Rejected(error) : reply;
    }

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
        _editorSubscribers.Publish(view);
    }

    /// <summary>Compacts and drops the document when the room is unloaded.</summary>
    private async Task UnloadEditorAsync()
    {
        CancelActiveRun();
        if (_editorSession is not null) await _editorSession.UnloadAsync();
    }
}
