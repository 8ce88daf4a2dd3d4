using System.Collections.Immutable;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Actors;

namespace Interview.Web.Features.Proctoring;

/// <summary>
/// The exam actor of one test: a mailbox drained by one loop, like the room actor. It follows the participants of
/// the test's rooms through their published snapshots, keeps the observers and streams, and publishes an
/// <see cref="ExamSnapshot"/> after each change. Focus events are stored before they are shown.
/// </summary>
internal sealed partial class ExamActor : IExam, IAsyncDisposable
{
    private readonly Mailbox _mailbox;
    private readonly Subscribers<ExamSnapshot> _subscribers;
    private readonly IExamStore _store;
    private readonly IRoomRegistry _rooms;
    private readonly IExamBroadcaster _clients;
    private readonly ProctoringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private readonly Dictionary<string, CandidateEntry> _candidates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IDisposable> _roomSubscriptions = new(StringComparer.Ordinal);
    /// <summary>Candidates present in the followed rooms, by participant id: their identity and the card they are on.</summary>
    private readonly Dictionary<string, SeenCandidate> _seen = new(StringComparer.Ordinal);
    private bool _changed = true;
    private volatile ExamSnapshot _snapshot;

    public ExamActor(string testId, IExamStore store, IRoomRegistry rooms, IExamBroadcaster clients, ProctoringOptions options, TimeProvider time, ILogger logger)
    {
        TestId = testId;
        _store = store;
        _rooms = rooms;
        _clients = clients;
        _options = options;
        _time = time;
        _logger = logger;
        _snapshot = ExamSnapshot.Empty(testId);
        _subscribers = new(e => Log.SubscriberFailed(logger, testId, e));
        _mailbox = new($"exam {testId}", () => { if (_changed) Publish(); });
    }

    public string TestId { get; }

    public ExamSnapshot Snapshot => _snapshot;

    public IDisposable Subscribe(Action<ExamSnapshot> onChange) => _subscribers.Add(onChange);

    /// <summary>Loads the stored candidates and events and starts following the test's rooms. Queued first.</summary>
    public Task LoadAsync(IReadOnlyList<string> roomIds) => Enqueue(async () =>
    {
        foreach (var record in await _store.GetCandidatesAsync(TestId))
            _candidates.TryAdd(record.CandidateKey, new CandidateEntry(record.CandidateKey, record.RoomId, record.DisplayName));
        foreach (var e in await _store.GetFocusEventsAsync(TestId))
        {
            if (!_candidates.TryGetValue(e.CandidateKey, out var candidate))
                _candidates[e.CandidateKey] = candidate = new CandidateEntry(e.CandidateKey, e.RoomId, e.DisplayName);
            candidate.Add(e, _options.TimelineLength);
        }
        foreach (var roomId in roomIds) await FollowRoomAsync(roomId);
        _changed = true;
    });

    public Task TrackRoomAsync(string roomId) => Enqueue(() => FollowRoomAsync(roomId));

    private async Task FollowRoomAsync(string roomId)
    {
        if (_roomSubscriptions.ContainsKey(roomId)) return;
        if (await _rooms.FindAsync(roomId) is not { } room) return;
        _roomSubscriptions[roomId] = room.Subscribe(snapshot => _ = Enqueue(() => OnRoomSnapshotAsync(roomId, room, snapshot)));
        await OnRoomSnapshotAsync(roomId, room, room.Snapshot);
    }

    /// <summary>Candidates of the room (the candidate role), matched to cards by their invite (<see cref="CandidateKeys"/>).</summary>
    private async Task OnRoomSnapshotAsync(string roomId, IProctoredRoom room, RoomSnapshot snapshot)
    {
        var participants = snapshot.Participants.Where(p => p.Role == ParticipantRole.Candidate).ToList();
        foreach (var gone in _seen.Where(s => s.Value.RoomId == roomId && participants.All(p => p.Id != s.Key)).Select(s => s.Key).ToList())
            _seen.Remove(gone);
        foreach (var p in participants.Where(p => !_seen.ContainsKey(p.Id)))
        {
            RoomMember? member;
            try { member = await room.MemberAsync(p.Id); }
            catch (ObjectDisposedException) { return; } // the room unloaded; its next load is followed afresh
            if (member is not null) _seen[p.Id] = new SeenCandidate(roomId, CandidateKeys.For(roomId, member));
        }
        var present = new Dictionary<string, ParticipantView>(StringComparer.Ordinal);
        foreach (var group in participants.Where(p => _seen.ContainsKey(p.Id)).GroupBy(p => _seen[p.Id].Identity))
        {
            // The card stays with a connected holder; the others sharing the identity get cards of their own.
            var holder = _candidates.TryGetValue(group.Key, out var card) ? card.ParticipantId : null;
            var ordered = group.OrderBy(p => p.Presence).ThenBy(p => p.Id == holder ? 0 : 1).ThenBy(p => p.JoinedAt).ToList();
            present[group.Key] = ordered[0];
            foreach (var extra in ordered.Skip(1)) present[CandidateKeys.Extra(group.Key, extra.Id)] = extra;
        }
        foreach (var (key, participant) in present)
        {
            _seen[participant.Id] = _seen[participant.Id] with { Card = key };
            if (!_candidates.TryGetValue(key, out var candidate))
            {
                _candidates[key] = candidate = new CandidateEntry(key, roomId, participant.DisplayName);
                await _store.RememberCandidateAsync(new ExamCandidateRecord(roomId, key, participant.DisplayName, _time.GetUtcNow()));
            }
            var state = participant.Presence == PresenceState.Connected ? CandidateState.Connected : CandidateState.Reconnecting;
            if (candidate.State != state || candidate.ParticipantId != participant.Id)
            {
                if (candidate.ParticipantId is { } old && old != participant.Id) await EndCandidateStreamsAsync(candidate);
                candidate.State = state;
                candidate.ParticipantId = participant.Id;
                _changed = true;
            }
        }
        foreach (var candidate in _candidates.Values.Where(c => c.RoomId == roomId && !present.ContainsKey(c.Key) && c.State != CandidateState.Offline))
        {
            await EndCandidateStreamsAsync(candidate);
            candidate.State = CandidateState.Offline;
            candidate.ParticipantId = null;
            _changed = true;
        }
    }

    /// <summary>The card of a candidate of the room: the one the room's snapshots put them on, else by their identity.</summary>
    private string CardOf(string roomId, RoomMember member)
    {
        if (_seen.TryGetValue(member.ParticipantId, out var seen) && seen.Card is { } card) return card;
        var key = CandidateKeys.For(roomId, member);
        return _candidates.TryGetValue(key, out var held) && held.ParticipantId is { } holder && holder != member.ParticipantId
            ? CandidateKeys.Extra(key, member.ParticipantId)
            : key;
    }

    private Task<T> Enqueue<T>(Func<Task<T>> work) => _mailbox.Enqueue(work);

    private Task Enqueue(Func<Task> work) => _mailbox.Enqueue(work);

    private void Publish()
    {
        _changed = false;
        var snapshot = new ExamSnapshot(TestId,
            [.. _candidates.Values.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.RoomId).Select(ToView)],
            [.. _streams.Select(ToActiveStream).OfType<ActiveStream>()]);
        _snapshot = snapshot;
        _subscribers.Publish(snapshot);
    }

    private CandidateView ToView(CandidateEntry c) => new(c.Key, c.RoomId, c.ParticipantId, c.Name, c.State,
        [.. _streams.Where(s => s.CandidateKey == c.Key).Select(s => new Watcher(s.WatcherId, WatcherName(s.WatcherId), s.Kind))],
        c.EventCount, [.. c.Timeline]);

    public async ValueTask DisposeAsync()
    {
        await _mailbox.CloseAsync();
        foreach (var subscription in _roomSubscriptions.Values) subscription.Dispose();
    }

    /// <summary>A candidate present in a room: their identity key and the card they are shown on.</summary>
    private sealed record SeenCandidate(string RoomId, string Identity, string? Card = null);

    /// <summary>A candidate's mutable state, owned by the actor's loop.</summary>
    private sealed class CandidateEntry(string key, string roomId, string name)
    {
        private readonly Queue<DateTimeOffset> _recent = new();

        public string Key { get; } = key;
        public string RoomId { get; } = roomId;
        public string Name { get; } = name;
        public string? ParticipantId { get; set; }
        public CandidateState State { get; set; } = CandidateState.Offline;
        public int EventCount { get; private set; }
        public Queue<FocusEvent> Timeline { get; } = new();

        public void Add(FocusEvent e, int keep)
        {
            EventCount++;
            Timeline.Enqueue(e);
            while (Timeline.Count > keep) Timeline.Dequeue();
        }

        /// <summary>Sliding one-minute window; false when the candidate sent too many events.</summary>
        public bool TakeSlot(DateTimeOffset now, int perMinute)
        {
            while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromMinutes(1)) _recent.Dequeue();
            if (_recent.Count >= perMinute) return false;
            _recent.Enqueue(now);
            return true;
        }
    }
}
