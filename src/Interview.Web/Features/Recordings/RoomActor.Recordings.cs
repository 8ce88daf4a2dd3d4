using System.Collections.Immutable;
using Interview.Web.Features.Recordings;

namespace Interview.Web.Features.Rooms;

/// <summary>Recordings uploaded to the room: who may upload or download, and the list every participant sees.</summary>
internal sealed partial class RoomActor : IRoomRecordings
{
    private ImmutableList<RoomRecording> _recordings = [];

    public Task<Uploader?> FindUploaderAsync(string sessionKey) => Enqueue(() =>
        Task.FromResult(_participants.Values.FirstOrDefault(p => p.SessionKey == sessionKey) is { } participant
            ? new Uploader(participant.Id, participant.DisplayName, _recordings.Count, _recordings.Sum(r => r.Size))
            : null));

    public Task<bool> IsParticipantAsync(string participantId) => Enqueue(() => Task.FromResult(_participants.ContainsKey(participantId)));

    public Task<string?> AddRecordingAsync(RoomRecording recording, RecordingQuota quota) => Enqueue<string?>(async () =>
    {
        if (_record.EndedAt is not null) return "The room has ended.";
        if (!_participants.ContainsKey(recording.ParticipantId)) return "You are no longer in this room.";
        if (_recordings.Count >= quota.MaxCount) return RecordingQuotas.CountReached(quota);
        // Checked again here: uploads to one room may run side by side.
        if (_recordings.Sum(r => r.Size) + recording.Size > quota.MaxBytes) return RecordingQuotas.BytesReached(quota);
        await _recordingStore.AddAsync(recording);
        await _store.TouchAsync(Id, recording.CreatedAt);
        _recordings = _recordings.Add(recording);
        return null;
    });
}
