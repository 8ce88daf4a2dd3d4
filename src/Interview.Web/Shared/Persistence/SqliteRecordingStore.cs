namespace Interview.Web.Shared.Persistence;

/// <summary><see cref="IRecordingStore"/> on the embedded SQLite file (table <c>room_recordings</c>, migration 3).</summary>
public sealed class SqliteRecordingStore(SqliteDatabase database) : IRecordingStore
{
    public async Task AddAsync(RoomRecording recording, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO room_recordings (id, room_id, file_name, size, sha256, participant_id, author_name, created_at)
            VALUES ($id, $room, $name, $size, $sha, $pid, $author, $at)
            """;
        command.Parameters.AddWithValue("$id", recording.Id);
        command.Parameters.AddWithValue("$room", recording.RoomId);
        command.Parameters.AddWithValue("$name", recording.FileName);
        command.Parameters.AddWithValue("$size", recording.Size);
        command.Parameters.AddWithValue("$sha", recording.Sha256);
        command.Parameters.AddWithValue("$pid", recording.ParticipantId);
        command.Parameters.AddWithValue("$author", recording.AuthorName);
        command.Parameters.AddWithValue("$at", recording.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RoomRecording>> ListAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, room_id, file_name, size, sha256, participant_id, author_name, created_at
            FROM room_recordings WHERE room_id = $room ORDER BY created_at, id
            """;
        command.Parameters.AddWithValue("$room", roomId);
        var recordings = new List<RoomRecording>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recordings.Add(new RoomRecording(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }
        return recordings;
    }
}
