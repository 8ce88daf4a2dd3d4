using System.Collections.Immutable;
using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Execution;
using Interview.Web.Features.Media;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Recordings;
using Interview.Web.Features.Watch;
using Interview.Web.Shared.Actors;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// The room actor: a <see cref="Mailbox"/> drained by one loop. It keeps the room's membership (participants, lobby,
/// roles, presence) and hands each feature's state class an <see cref="IRoomScope"/>: <see cref="Chat"/>,
/// <see cref="Document"/>, <see cref="Runs"/>, <see cref="Watch"/>, <see cref="Call"/>, <see cref="Uploads"/> and
/// <see cref="Invigilation"/>. All of it is touched only by that loop. After each message a snapshot is published
/// for readers outside the loop; then the caller's task completes, so the snapshot it reads next already includes
/// its message.
/// </summary>
internal sealed partial class RoomActor : IRoomScope, IRoomCommands, IRoomRoles, IAsyncDisposable
{
    private readonly Mailbox _mailbox;
    private readonly Subscribers<RoomSnapshot> _subscribers;
    private readonly IRoomStore _store;
    private readonly Admissions _admissions;
    private readonly IRoomBroadcaster _broadcaster;
    private readonly RoomOptions _options;

    private RoomRecord _record;
    private readonly Dictionary<string, Participant> _participants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Participant> _lobby = new(StringComparer.Ordinal);
    private volatile RoomSnapshot _snapshot;

    public RoomActor(RoomLoad load, RoomServices services, IRoomBroadcaster broadcaster)
    {
        _record = load.Record;
        _store = services.Store;
        _broadcaster = broadcaster;
        _options = services.Options;
        Time = services.Time;
        Logger = services.Logger;
        _admissions = new Admissions(load.Record.Id, services.Store, services.Time, load.Admissions);
        Chat = new RoomChat(this, services.Store, services.Chat, load.Chat);
        Uploads = new RoomUploads(this, services.Store, services.RecordingStore, load.Recordings);
        Document = new RoomDocument(this, services.Editor);
        Runs = new RoomRuns(this, Document, services.Editor, services.RunStore, load.Runs);
        Watch = new RoomWatch(this);
        Call = new RoomCall(this);
        Invigilation = new RoomInvigilation(this);
        _snapshot = BuildSnapshot();
        _subscribers = new(SubscriberFailed);
        _mailbox = new($"room {load.Record.Id}", Publish);
    }

    public string Id => _record.Id;

    public RoomSnapshot Snapshot => _snapshot;

    public RoomChat Chat { get; }

    public RoomDocument Document { get; }

    public RoomRuns Runs { get; }

    public RoomWatch Watch { get; }

    public RoomCall Call { get; }

    public RoomUploads Uploads { get; }

    public RoomInvigilation Invigilation { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    bool IRoomScope.Ended => _record.EndedAt is not null;

    bool IRoomScope.EditorLocked => _record.EditorLocked;

    IReadOnlyDictionary<string, Participant> IRoomScope.Participants => _participants;

    IRoomClient IRoomScope.Everyone => Room;

    private IRoomClient Room => _broadcaster.Group(Id);

    public IDisposable Subscribe(Action<RoomSnapshot> onChange) => _subscribers.Add(onChange);

    public Task<bool> IsEmptyAsync() => Enqueue(() => Task.FromResult(_participants.Count == 0));

    public Task<ChatPostResult> PostChatAsync(string participantId, string? text) => Chat.PostAsync(participantId, text);

    /// <summary>Queues <paramref name="work"/> on the room's loop and returns its result.</summary>
    public Task<T> Enqueue<T>(Func<Task<T>> work) => _mailbox.Enqueue(work);

    public Task Enqueue(Func<Task> work) => _mailbox.Enqueue(work);

    public void SubscriberFailed(Exception e) => Log.SubscriberFailed(Logger, Id, e);

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
        Chat.Messages,
        [.. _lobby.Values.OrderBy(p => p.JoinedAt).Select(p => p.ToView())])
    {
        Recordings = Uploads.List,
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Enqueue(() =>
            {
                Runs.CancelActive();
                return Document.UnloadAsync();
            });
        }
        catch (ObjectDisposedException) { }
        await _mailbox.CloseAsync();
    }
}
