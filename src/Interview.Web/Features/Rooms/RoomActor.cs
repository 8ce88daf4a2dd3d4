using System.Collections.Immutable;
using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Recordings;
using Interview.Web.Shared.Actors;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// The room actor: a <see cref="Mailbox"/> drained by one loop. All state below is touched only by that
/// loop. After each message a snapshot is published for readers outside the loop; then the caller's task
/// completes, so the snapshot it reads next already includes its message.
/// </summary>
internal sealed partial class RoomActor : IRoom, IAsyncDisposable
{
    private readonly Mailbox _mailbox;
    private readonly Subscribers<RoomSnapshot> _subscribers;
    private readonly IRoomStore _store;
    private readonly Admissions _admissions;
    private readonly IRoomBroadcaster _broadcaster;
    private readonly RoomOptions _options;
    private readonly ChatOptions _chatOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EditorServices _editor;
    private readonly IRecordingStore _recordingStore;

    private RoomRecord _record;
    private readonly Dictionary<string, Participant> _participants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Participant> _lobby = new(StringComparer.Ordinal);
    private ImmutableList<ChatMessage> _chat;
    private volatile RoomSnapshot _snapshot;

    public RoomActor(
        RoomRecord record,
        IReadOnlyList<ChatMessage> chat,
        IRoomStore store,
        IRoomBroadcaster broadcaster,
        RoomOptions options,
        ChatOptions chatOptions,
        TimeProvider time,
        ILogger logger,
        EditorServices editor,
        IReadOnlyList<RoomRecording> recordings,
        IRecordingStore recordingStore,
        IReadOnlyList<AdmissionDecision> admissions)
    {
        _admissions = new Admissions(record.Id, store, time, admissions);
        _editor = editor;
        _recordings = [.. recordings];
        _recordingStore = recordingStore;
        _record = record;
        _chat = [.. chat];
        _store = store;
        _broadcaster = broadcaster;
        _options = options;
        _chatOptions = chatOptions;
        _time = time;
        _logger = logger;
        _snapshot = BuildSnapshot();
        _subscribers = new(SubscriberFailed);
        _editorSubscribers = new(SubscriberFailed);
        _watchSubscribers = new(SubscriberFailed);
        _mailbox = new($"room {record.Id}", Publish);
    }

    public string Id => _record.Id;

    public RoomSnapshot Snapshot => _snapshot;

    private IRoomClient Room => _broadcaster.Group(Id);

    public IDisposable Subscribe(Action<RoomSnapshot> onChange) => _subscribers.Add(onChange);

    public Task<bool> IsEmptyAsync() => Enqueue(() => Task.FromResult(_participants.Count == 0));

    /// <summary>Queues <paramref name="work"/> on the room's loop and returns its result.</summary>
    private Task<T> Enqueue<T>(Func<Task<T>> work) => _mailbox.Enqueue(work);

    private Task Enqueue(Func<Task> work) => _mailbox.Enqueue(work);

    private void SubscriberFailed(Exception e) => Log.SubscriberFailed(_logger, Id, e);

    private void Publish()
    {
        var snapshot = BuildSnapshot();
        if (ReferenceEquals(snapshot.Chat, _snapshot.Chat) && ReferenceEquals(snapshot.Recordings, _snapshot.Recordings) && snapshot.Room == _snapshot.Room &&
            snapshot.Participants.SequenceEqual(_snapshot.Participants) && snapshot.Lobby.SequenceEqual(_snapshot.Lobby)) return;
        _snapshot = snapshot;
        _subscribers.Publish(snapshot);
    }

    private RoomSnapshot BuildSnapshot() => new(
        new RoomView(_record.Id, _record.Title, _record.Capacity, _record.EndedAt is not null, _record.RequireInvite, _record.Lobby, _record.EditorLocked),
        [.. _participants.Values.OrderBy(p => p.JoinedAt).Select(p => p.ToView())],
        _chat,
        [.. _lobby.Values.OrderBy(p => p.JoinedAt).Select(p => p.ToView())])
    {
        Recordings = _recordings,
    };

    public async ValueTask DisposeAsync()
    {
        try { await Enqueue(UnloadEditorAsync); }
        catch (ObjectDisposedException) { }
        await _mailbox.CloseAsync();
    }
}
