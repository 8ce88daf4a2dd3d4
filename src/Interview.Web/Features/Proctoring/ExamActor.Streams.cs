using System.Security.Cryptography;

namespace Interview.Web.Features.Proctoring;

/// <summary>Observers and the one-way streams they asked for. Runs on the actor's loop like the rest.</summary>
internal sealed partial class ExamActor
{
    private readonly Dictionary<string, WatcherEntry> _watchers = new(StringComparer.Ordinal);
    /// <summary>Watcher ids whose connection dropped, with their observer, so a reconnecting tab keeps its id.</summary>
    private readonly Dictionary<string, (ExamObserver Observer, DateTimeOffset At)> _departed = new(StringComparer.Ordinal);
    private readonly List<StreamEntry> _streams = [];

    private static readonly TimeSpan ReclaimWindow = TimeSpan.FromMinutes(2);

    public Task<string> AttachWatcherAsync(ExamObserver observer, string connectionId, string? reclaim) => Enqueue(() =>
    {
        var now = _time.GetUtcNow();
        foreach (var id in _departed.Where(d => now - d.Value.At > ReclaimWindow).Select(d => d.Key).ToList()) _departed.Remove(id);
        // A tab that reconnects keeps its id (and its streams): the old connection may not even be closed yet.
        var watcherId = reclaim is not null &&
            ((_departed.TryGetValue(reclaim, out var departed) && departed.Observer == observer) ||
             (_watchers.TryGetValue(reclaim, out var live) && live.Observer == observer))
            ? reclaim
            : "w" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        _departed.Remove(watcherId);
        _watchers[watcherId] = new WatcherEntry(watcherId, observer, connectionId);
        _changed = true;
        return Task.FromResult(watcherId);
    });

    public Task DetachConnectionAsync(string connectionId) => Enqueue(async () =>
    {
        foreach (var watcher in _watchers.Values.Where(w => w.ConnectionId == connectionId).ToList())
        {
            _watchers.Remove(watcher.Id);
            _departed[watcher.Id] = (watcher.Observer, _time.GetUtcNow());
            var ended = _streams.Where(s => s.WatcherId == watcher.Id).ToList();
            _streams.RemoveAll(s => s.WatcherId == watcher.Id);
            foreach (var key in ended.Select(s => s.CandidateKey).Distinct()) await NotifyCandidateAsync(key);
            _changed = true;
        }
    });

    public Task<string?> RequestStreamAsync(string watcherId, string connectionId, StreamRequest request) => Enqueue(async () =>
    {
        if (!IsWatcher(watcherId, connectionId)) return "Open the exam's dashboard first.";
        if (FindCandidate(request.CandidateId) is not { } candidate) return "That candidate is not taking this test now.";
        if (_streams.Any(s => s.WatcherId == watcherId && s.CandidateKey == candidate.Key && s.Kind == request.Kind)) return (string?)null;
        if (_streams.Count(s => s.CandidateKey == candidate.Key && s.Kind == request.Kind) >= _options.MaxWatchersPerStream)
            return $"At most {_options.MaxWatchersPerStream} observers can watch one stream at a time.";
        _streams.Add(new StreamEntry(watcherId, candidate.Key, request.Kind, _time.GetUtcNow()));
        Log.StreamRequested(_logger, TestId, watcherId, candidate.ParticipantId!, request.Kind);
        _changed = true;
        await NotifyCandidateAsync(candidate.Key);
        await NotifyWatcherAsync(watcherId);
        return null;
    });

    public Task<string?> StopStreamAsync(string watcherId, string connectionId, StreamRequest request) => Enqueue(async () =>
    {
        if (!IsWatcher(watcherId, connectionId)) return "Open the exam's dashboard first.";
        var candidate = FindCandidate(request.CandidateId);
        if (candidate is null || _streams.RemoveAll(s => s.WatcherId == watcherId && s.CandidateKey == candidate.Key && s.Kind == request.Kind) == 0)
            return (string?)null;
        _changed = true;
        await NotifyCandidateAsync(candidate.Key);
        await NotifyWatcherAsync(watcherId);
        return null;
    });

    public Task<IReadOnlyList<Watcher>> CandidateReadyAsync(string roomId, RoomMember candidate) => Enqueue(async () =>
    {
        await FollowRoomAsync(roomId);
        var key = CardOf(roomId, candidate);
        return (IReadOnlyList<Watcher>)WatchersOf(key);
    });

    public Task<string?> WatcherConnectionAsync(string candidateId, string watcherId, StreamKind kind) => Enqueue(() =>
        Task.FromResult(FindCandidate(candidateId) is { } candidate &&
            _streams.Any(s => s.WatcherId == watcherId && s.CandidateKey == candidate.Key && s.Kind == kind) &&
            _watchers.TryGetValue(watcherId, out var watcher)
                ? watcher.ConnectionId
                : null));

    public Task<(string RoomId, string ParticipantId)?> WatchedCandidateAsync(string watcherId, string connectionId, string candidateId, StreamKind kind) =>
        Enqueue(() => Task.FromResult<(string, string)?>(
            IsWatcher(watcherId, connectionId) && FindCandidate(candidateId) is { } candidate &&
            _streams.Any(s => s.WatcherId == watcherId && s.CandidateKey == candidate.Key && s.Kind == kind)
                ? (candidate.RoomId, candidateId)
                : null));

    private bool IsWatcher(string watcherId, string connectionId) =>
        _watchers.TryGetValue(watcherId, out var watcher) && watcher.ConnectionId == connectionId;

    /// <summary>A candidate on the dashboard by current participant id (connected or reconnecting).</summary>
    private CandidateEntry? FindCandidate(string participantId) =>
        _candidates.Values.FirstOrDefault(c => c.ParticipantId == participantId && c.State != CandidateState.Offline);

    private List<Watcher> WatchersOf(string candidateKey) =>
        [.. _streams.Where(s => s.CandidateKey == candidateKey).Select(s => new Watcher(s.WatcherId, WatcherName(s.WatcherId), s.Kind))];

    private string WatcherName(string watcherId) => _watchers.TryGetValue(watcherId, out var w) ? w.Observer.Name : "Observer";

    /// <summary>The candidate left (or came back as someone else): the streams to them end; their observers are told.</summary>
    private async Task EndCandidateStreamsAsync(CandidateEntry candidate)
    {
        var watchers = _streams.Where(s => s.CandidateKey == candidate.Key).Select(s => s.WatcherId).Distinct().ToList();
        if (watchers.Count == 0) return;
        _streams.RemoveAll(s => s.CandidateKey == candidate.Key);
        foreach (var watcherId in watchers) await NotifyWatcherAsync(watcherId);
    }

    private async Task NotifyCandidateAsync(string candidateKey)
    {
        if (!_candidates.TryGetValue(candidateKey, out var candidate) || candidate.ParticipantId is null) return;
        if (await _rooms.FindAsync(candidate.RoomId) is not { } room) return;
        if (await room.MemberAsync(candidate.ParticipantId) is not { ConnectionId: { } connection }) return;
        await _clients.Connection(connection).ObserversChanged(new ObserversState(WatchersOf(candidateKey)));
    }

    private async Task NotifyWatcherAsync(string watcherId)
    {
        if (!_watchers.TryGetValue(watcherId, out var watcher)) return;
        await _clients.Connection(watcher.ConnectionId)
            .WatchingChanged(_streams.Where(s => s.WatcherId == watcherId).Select(ToActiveStream).OfType<ActiveStream>().ToArray());
    }

    private ActiveStream? ToActiveStream(StreamEntry s) =>
        _candidates.TryGetValue(s.CandidateKey, out var c) && c.ParticipantId is { } participantId
            ? new ActiveStream(TestId, c.RoomId, participantId, c.Name, s.WatcherId, WatcherName(s.WatcherId), s.Kind, s.Since)
            : null;

    private sealed record WatcherEntry(string Id, ExamObserver Observer, string ConnectionId);

    private sealed record StreamEntry(string WatcherId, string CandidateKey, StreamKind Kind, DateTimeOffset Since);
}
