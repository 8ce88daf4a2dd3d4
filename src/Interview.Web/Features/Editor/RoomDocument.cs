using System.Collections.Immutable;
using Interview.Web.Features.Execution;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Actors;

namespace Interview.Web.Features.Editor;

/// <summary>
/// The room's document: frames from hub and y-websocket peers (only from admitted participants who may edit), the
/// shared language, lazy load and idle unload, and the <see cref="EditorView"/> Blazor renders (language and runs).
/// </summary>
internal sealed class RoomDocument(IRoomScope room, EditorServices services) : IEditorRoom
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    private readonly Subscribers<EditorView> _subscribers = new(room.SubscriberFailed);
    private EditorSession? _session;
    private bool _ticking;
    private volatile EditorView _view = new(EditorLanguages.Default, []);

    public EditorView EditorView => _view;

    public IDisposable SubscribeEditor(Action<EditorView> onChange) => _subscribers.Add(onChange);

    /// <summary>The document, loaded on first use (on the room's loop); a timer unloads it when idle.</summary>
    private EditorSession Session
    {
        get
        {
            if (_session is null)
            {
                _session = new EditorSession(room.Id, services, room.Logger, id => room.Participants.GetValueOrDefault(id)?.DisplayName, room.Enqueue);
                _session.LanguageChanged += () => Publish(_view.Runs);
            }
            if (!_ticking)
            {
                _ticking = true;
                _ = TickAsync();
            }
            return _session;
        }
    }

    public Task<EditorReply> EditorOpenAsync(EditorPeer peer) => room.Enqueue(() =>
        room.Ended ? Task.FromResult(EditorReply.Rejected("The room has ended.")) : Session.OpenAsync(peer));

    public async Task<EditorReply> EditorReceiveAsync(EditorPeer peer, ReadOnlyMemory<byte> frame)
    {
        var reply = await room.Enqueue(() =>
            room.Ended ? Task.FromResult(EditorReply.Rejected("The room has ended."))
            : Refusal(peer, frame) is { } refused ? Task.FromResult(EditorReply.Rejected(refused))
            : Session.ReceiveAsync(peer, frame));
        // An update is acknowledged once committed; the room meanwhile goes on with other messages (group commit).
        return reply.Commit is { } commit && await commit is { } error ? EditorReply.Rejected(error) : reply;
    }

    public Task EditorPeerGoneAsync(string connectionId) => room.Enqueue(() => ForgetPeerAsync(connectionId));

    public Task<string?> SetLanguageAsync(string participantId, string language) => room.Enqueue(async () =>
    {
        if (room.Ended) return "The room has ended.";
        if (!room.Participants.TryGetValue(participantId, out var participant)) return "Join the room first.";
        if (!RolePolicy.CanEdit(participant.Role, room.EditorLocked))
            return participant.Role == ParticipantRole.Observer ? "Observers cannot change the language." : "The editor is locked: only interviewers can change the language.";
        return await Session.SetLanguageAsync(language, participantId);
    });

    public Task<EditorStats> GetEditorStatsAsync() => room.Enqueue(() =>
        Task.FromResult(_session?.Stats ?? new EditorStats(false, 0, 0, 0, 0)));

    public Task<(string Text, string Language)> ReadEditorAsync() => room.Enqueue(ReadAsync);

    /// <summary>On the room's loop: the text and language, loading the document if needed.</summary>
    public Task<(string Text, string Language)> ReadAsync() => Session.ReadAsync();

    /// <summary>On the room's loop: the connection is no longer the room's; its cursors go.</summary>
    public Task ForgetPeerAsync(string connectionId) =>
        _session is null ? Task.CompletedTask : _session.RemovePeerAsync(connectionId);

    /// <summary>On the room's loop: shows <paramref name="runs"/> (newest first) in the editor view.</summary>
    public void ShowRuns(ImmutableList<RunView> runs) => Publish(runs);

    /// <summary>On the room's loop: compacts and drops the document when the room is unloaded.</summary>
    public Task UnloadAsync() => _session is null ? Task.CompletedTask : _session.UnloadAsync();

    /// <summary>
    /// Whether the frame may be applied for this peer: only from a connection its admitted participant still holds,
    /// and no document changes from read-only roles.
    /// </summary>
    private string? Refusal(EditorPeer peer, ReadOnlyMemory<byte> frame)
    {
        if (!room.Participants.TryGetValue(peer.ParticipantId, out var participant) ||
            (peer.Transport == EditorTransport.WebSocket && !participant.Connections.ContainsKey(peer.ConnectionId)))
            return "Join the room first.";
        var role = participant.Role;
        if (RolePolicy.CanEdit(role, room.EditorLocked) || !EditorWrites.ChangesDocument(frame)) return null;
        return role == ParticipantRole.Observer
            ? "Observers cannot edit the code."
            : "The editor is locked: only interviewers can edit now.";
    }

    private async Task TickAsync()
    {
        try
        {
            var loaded = true;
            while (loaded)
            {
                await Task.Delay(Tick, room.Time);
                loaded = await room.Enqueue(async () =>
                {
                    var stillLoaded = _session is not null && await _session.TickAsync();
                    if (!stillLoaded) _ticking = false;
                    return stillLoaded;
                });
            }
        }
        catch (ObjectDisposedException)
        {
            // The room itself was unloaded.
        }
    }

    private void Publish(ImmutableList<RunView> runs)
    {
        var view = new EditorView(_session?.Language ?? _view.Language, runs);
        if (view.Language == _view.Language && ReferenceEquals(view.Runs, _view.Runs)) return;
        _view = view;
        _subscribers.Publish(view);
    }
}
