using System.Collections.Immutable;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Recordings;

/// <summary>Recordings uploaded to the room: who may upload or download, the room's quota, and the list every participant sees.</summary>
internal sealed class RoomUploads(IRoomScope room, IRoomStore roomStore, IRecordingStore store, IReadOnlyList<RoomRecording> recordings) : IRoomRecordings
{
    /// <summary>The room's recordings, oldest first (read on the room's loop, and by its snapshot).</summary>
    public ImmutableList<RoomRecording> List { get; private set; } = [.. recordings];

    public Task<Uploader?> FindUploaderAsync(string sessionKey) => room.Enqueue(() =>
        Task.FromResult(room.Participants.Values.FirstOrDefault(p => p.SessionKey == sessionKey) is { } participant
            ? new Uploader(participant.Id, participant.DisplayName, List.Count, List.Sum(r => r.Size))
            : null));

    public Task<bool> IsParticipantAsync(string participantId) => room.Enqueue(() => Task.FromResult(room.Participants.ContainsKey(participantId)));

    public Task<string?> AddRecordingAsync(RoomRecording recording, RecordingQuota quota) => room.Enqueue<string?>(async () =>
    {
        if (room.Ended) return "The room has ended.";
        if (!room.Participants.ContainsKey(recording.ParticipantId)) return "You are no longer in this room.";
        if (List.Count >= quota.MaxCount) return RecordingQuotas.CountReached(quota);
        // Checked again here: uploads to one room may run side by side.
        if (List.Sum(r => r.Size) + recording.Size > quota.MaxBytes) return RecordingQuotas.BytesReached(quota);
        await store.AddAsync(recording);
        await roomStore.TouchAsync(room.Id, recording.CreatedAt);
        List = List.Add(recording);
        return null;
    });
}
