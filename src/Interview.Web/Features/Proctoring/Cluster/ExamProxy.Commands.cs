using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Proctoring.Cluster;

/// <summary>The exam's commands that need nothing of this node: straight to the grain.</summary>
internal sealed partial class ExamProxy
{
    public Task TrackRoomAsync(string roomId) =>
        Call(grain => grain.TrackRoomAsync(roomId));

    public Task<string?> RequestStreamAsync(string watcherId, string connectionId, StreamRequest request) =>
        Call(grain => grain.RequestStreamAsync(watcherId, connectionId, request));

    public Task<string?> StopStreamAsync(string watcherId, string connectionId, StreamRequest request) =>
        Call(grain => grain.StopStreamAsync(watcherId, connectionId, request));

    public Task<IReadOnlyList<Watcher>> CandidateReadyAsync(string roomId, RoomMember candidate) =>
        Call(grain => grain.CandidateReadyAsync(roomId, candidate));

    public Task<string?> WatcherConnectionAsync(string candidateId, string watcherId, StreamKind kind) =>
        Call(grain => grain.WatcherConnectionAsync(candidateId, watcherId, kind));

    public Task<(string RoomId, string ParticipantId)?> WatchedCandidateAsync(string watcherId, string connectionId, string candidateId, StreamKind kind) =>
        Call(grain => grain.WatchedCandidateAsync(watcherId, connectionId, candidateId, kind));

    public Task<(FocusEvent? Event, string? Error)> RecordFocusAsync(string roomId, RoomMember candidate, FocusReport report) =>
        Call(grain => grain.RecordFocusAsync(roomId, candidate, report));
}
