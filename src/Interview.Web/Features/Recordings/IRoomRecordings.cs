namespace Interview.Web.Features.Recordings;

/// <summary>A participant allowed to upload: who they are and how many recordings the room holds already.</summary>
public sealed record Uploader(string ParticipantId, string DisplayName, int RoomRecordings, long RoomBytes);

/// <summary>What one room may keep: at most <paramref name="MaxCount"/> recordings of <paramref name="MaxBytes"/> bytes together.</summary>
public sealed record RecordingQuota(int MaxCount, long MaxBytes);

/// <summary>The recordings' share of a room actor: who may upload and download, and the room's list.</summary>
public interface IRoomRecordings
{
    /// <summary>The participant holding <paramref name="sessionKey"/> (connected or reconnecting), or null.</summary>
    Task<Uploader?> FindUploaderAsync(string sessionKey);

    /// <summary>True while <paramref name="participantId"/> is listed in the room.</summary>
    Task<bool> IsParticipantAsync(string participantId);

    /// <summary>
    /// Stores the row of a recording whose file is in place and publishes the room's new list. Null on success, else
    /// why not (the uploader left, the room ended, or the recording does not fit in the room's <paramref name="quota"/>).
    /// </summary>
    Task<string?> AddRecordingAsync(RoomRecording recording, RecordingQuota quota);
}
