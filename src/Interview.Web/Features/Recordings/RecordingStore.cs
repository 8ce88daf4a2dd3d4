using Dapper;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Recordings;

/// <summary><see cref="IRecordingStore"/> on the configured <see cref="IDatabase"/> (table <c>room_recordings</c>, migration 3).</summary>
public sealed class RecordingStore(IDatabase database) : IRecordingStore
{
    public async Task AddAsync(RoomRecording recording, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO room_recordings (id, room_id, file_name, size, sha256, participant_id, author_name, created_at)
            VALUES (@id, @room, @name, @size, @sha, @pid, @author, @at)
            """,
            new
            {
                id = recording.Id, room = recording.RoomId, name = recording.FileName, size = recording.Size, sha = recording.Sha256,
                pid = recording.ParticipantId, author = recording.AuthorName, at = recording.CreatedAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<RoomRecording>> ListAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecordingRow>(new CommandDefinition("""
            SELECT id, room_id AS RoomId, file_name AS FileName, size, sha256, participant_id AS ParticipantId,
                   author_name AS AuthorName, created_at AS CreatedAt
            FROM room_recordings WHERE room_id = @room ORDER BY created_at, id
            """, new { room = roomId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RoomRecording(r.Id, r.RoomId, r.FileName, r.Size, r.Sha256, r.ParticipantId, r.AuthorName,
            DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt)))];
    }

    private sealed class RecordingRow
    {
        public string Id { get; set; } = "";
        public string RoomId { get; set; } = "";
        public string FileName { get; set; } = "";
        public long Size { get; set; }
        public string Sha256 { get; set; } = "";
        public string ParticipantId { get; set; } = "";
        public string AuthorName { get; set; } = "";
        public long CreatedAt { get; set; }
    }
}
