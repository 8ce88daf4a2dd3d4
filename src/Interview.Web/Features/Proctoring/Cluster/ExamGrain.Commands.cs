using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Proctoring.Cluster;

/// <summary>The exam's commands, each run by the actor.</summary>
internal sealed partial class ExamGrain
{
    public Task TrackRoomAsync(string roomId) =>
        Command(exam => exam.TrackRoomAsync(roomId));

    public Task<string> AttachWatcherAsync(ExamObserver observer, string connectionId, string? reclaim) =>
        Command(exam => exam.AttachWatcherAsync(observer, connectionId, reclaim));

    public Task DetachConnectionAsync(string connectionId) =>
        Command(exam => exam.DetachConnectionAsync(connectionId));

    public Task<string?> RequestStreamAsync(string watcherId, string connectionId, StreamRequest request) =>
        Command(exam => exam.RequestStreamAsync(watcherId, connectionId, request));

    public Task<string?> StopStreamAsync(string watcherId, string connectionId, StreamRequest request) =>
        Command(exam => exam.StopStreamAsync(watcherId, connectionId, request));

    public Task<IReadOnlyList<Watcher>> CandidateReadyAsync(string roomId, RoomMember candidate) =>
        Command(async exam => (IReadOnlyList<Watcher>)(await exam.CandidateReadyAsync(roomId, candidate)).ToArray());

    public Task<string?> WatcherConnectionAsync(string candidateId, string watcherId, StreamKind kind) =>
        Command(exam => exam.WatcherConnectionAsync(candidateId, watcherId, kind));

    public Task<(string RoomId, string ParticipantId)?> WatchedCandidateAsync(string watcherId, string connectionId, string candidateId, StreamKind kind) =>
        Command(exam => exam.WatchedCandidateAsync(watcherId, connectionId, candidateId, kind));

    public Task<(FocusEvent? Event, string? Error)> RecordFocusAsync(string roomId, RoomMember candidate, FocusReport report) =>
        Command(exam => exam.RecordFocusAsync(roomId, candidate, report));
}
