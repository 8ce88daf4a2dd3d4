namespace Interview.Web.Features.Recordings;

/// <summary>
/// A recording uploaded to a room: its row in the database. The bytes are a file under the data dir
/// (<see cref="RecordingFiles"/>); <see cref="Sha256"/> is the hex SHA-256 of those bytes.
/// </summary>
public sealed record RoomRecording(
    string Id,
    string RoomId,
    string FileName,
    long Size,
    string Sha256,
    string ParticipantId,
    string AuthorName,
    DateTimeOffset CreatedAt);

/// <summary>Rows of uploaded recordings. Every method commits before it returns; a room's rows go with the room.</summary>
public interface IRecordingStore
{
    Task AddAsync(RoomRecording recording, CancellationToken cancellationToken = default);

    /// <summary>The room's recordings, oldest first.</summary>
    Task<IReadOnlyList<RoomRecording>> ListAsync(string roomId, CancellationToken cancellationToken = default);
}
