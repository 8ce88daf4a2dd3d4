using System.Collections.Immutable;
using System.Threading.Channels;
using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// The room actor: a mailbox (<see cref="Channel{T}"/>) drained by one loop. All state below is touched only by that
/// loop; callers get a task that completes when their message has been applied. Snapshots are published after
/// each message for readers outside the loop.
/// </summary>
internal sealed partial class RoomActor : IRoom, IAsyncDisposable
{
    private readonly Channel<Func<Task>> _mailbox = Channel.CreateUnbounded<Func<Task>>(new() { SingleReader = true });
    private readonly Task _loop;
    private readonly IRoomStore _store;
    private readonly IRoomBroadcaster _broadcaster;
    private readonly RoomOptions _options;
    private readonly ChatOptions _chatOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EditorServices _editor;
    private readonly List<Action<RoomSnapshot>> _subscribers = [];
    private readonly Lock _subscribersLock = new();

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
        EditorServices editor)
    {
        _editor = editor;
        _record = record;
        _chat = [.. chat];
        _store = store;
        _broadcaster = broadcaster;
        _options = options;
        _chatOptions = chatOptions;
        _time = time;
        _logger = logger;
        _snapshot = BuildSnapshot();
        _loop = Task.Run(RunLoopAsync);
    }

    public string Id => _record.Id;

    public RoomSnapshot Snapshot => _snapshot;

    private IRoomClient Room => _broadcaster.Group(Id);

    public IDisposable Subscribe(Action<RoomSnapshot> onChange)
    {
        lock (_subscribersLock) _subscribers.Add(onChange);
        return new Subscription(this, onChange);
    }

    public Task<bool> IsEmptyAsync() => Enqueue(() => Task.FromResult(_participants.Count == 0));

    /// <summary>Queues <paramref name="work"/> on the room's loop and returns its result.</summary>
    private Task<T> Enqueue<T>(Func<Task<T>> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var accepted = _mailbox.Writer.TryWrite(async () =>
        {
            try { completion.SetResult(await work()); }
            catch (Exception e) { completion.SetException(e); }
        });
        if (!accepted) completion.SetException(new ObjectDisposedException($"room {Id}"));
        return completion.Task;
    }

    private Task Enqueue(Func<Task> work) => Enqueue(async () => { await work(); return true; });

    private async Task RunLoopAsync()
    {
        await foreach (var work in _mailbox.Reader.ReadAllAsync())
        {
            await work();
            Publish();
        }
    }

    private void Publish()
    {
        var snapshot = BuildSnapshot();
        if (ReferenceEquals(snapshot.Chat, _snapshot.Chat) && snapshot.Room == _snapshot.Room &&
            snapshot.Participants.SequenceEqual(_snapshot.Participants) && snapshot.Lobby.SequenceEqual(_snapshot.Lobby)) return;
        _snapshot = snapshot;
        Action<RoomSnapshot>[] subscribers;
        lock (_subscribersLock) subscribers = [.. _subscribers];
        foreach (var subscriber in subscribers)
        {
            try { subscriber(snapshot); }
            catch (Exception e) { Log.SubscriberFailed(_logger, Id, e); }
        }
    }

    private RoomSnapshot BuildSnapshot() => new(
        new RoomView(_record.Id, _record.Title, _record.Capacity, _record.EndedAt is not null, _record.RequireInvite, _record.Lobby, _record.EditorLocked),
        [.. _participants.Values.OrderBy(p => p.JoinedAt).Select(p => p.ToView())],
        _chat,
        [.. _lobby.Values.OrderBy(p => p.JoinedAt).Select(p => p.ToView())]);

    public async ValueTask DisposeAsync()
    {
        try { await Enqueue(UnloadEditorAsync); }
        catch (ObjectDisposedException) { }
        _mailbox.Writer.TryComplete();
        await _loop;
    }

    private sealed class Subscription(RoomActor room, Action<RoomSnapshot> onChange) : IDisposable
    {
        public void Dispose()
        {
            lock (room._subscribersLock) room._subscribers.Remove(onChange);
        }
    }
}
