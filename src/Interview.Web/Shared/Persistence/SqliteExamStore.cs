using Interview.Web.Features.Proctoring;
using Microsoft.Data.Sqlite;

namespace Interview.Web.Shared.Persistence;

/// <summary><see cref="IExamStore"/> on the embedded SQLite file. Times are Unix milliseconds; kinds are stored by name.</summary>
public sealed class SqliteExamStore(SqliteDatabase database) : IExamStore
{
    public async Task AssignRoomAsync(string roomId, string testId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO exam_rooms (room_id, test_id) VALUES ($room, $test)
            ON CONFLICT (room_id) DO UPDATE SET test_id = excluded.test_id
            """;
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$test", testId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> GetRoomTestAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT test_id FROM exam_rooms WHERE room_id = $room";
        command.Parameters.AddWithValue("$room", roomId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<string>> GetRoomsAsync(string testId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT room_id FROM exam_rooms WHERE test_id = $test ORDER BY room_id";
        command.Parameters.AddWithValue("$test", testId);
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) list.Add(reader.GetString(0));
        return list;
    }

    public async Task RememberCandidateAsync(ExamCandidateRecord candidate, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO exam_candidates (room_id, candidate_key, display_name, first_seen_at)
            VALUES ($room, $key, $name, $at)
            """;
        command.Parameters.AddWithValue("$room", candidate.RoomId);
        command.Parameters.AddWithValue("$key", candidate.CandidateKey);
        command.Parameters.AddWithValue("$name", candidate.DisplayName);
        command.Parameters.AddWithValue("$at", candidate.FirstSeenAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ExamCandidateRecord>> GetCandidatesAsync(string testId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.room_id, c.candidate_key, c.display_name, c.first_seen_at
            FROM exam_candidates c JOIN exam_rooms r ON r.room_id = c.room_id
            WHERE r.test_id = $test ORDER BY c.first_seen_at, c.candidate_key
            """;
        command.Parameters.AddWithValue("$test", testId);
        var list = new List<ExamCandidateRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), FromUnix(reader.GetInt64(3))));
        return list;
    }

    public async Task<FocusEvent> AppendFocusEventAsync(FocusDraft draft, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO focus_events (room_id, seq, candidate_key, display_name, kind, detail, at)
            VALUES ($room, (SELECT coalesce(max(seq), 0) + 1 FROM focus_events WHERE room_id = $room), $key, $name, $kind, $detail, $at)
            RETURNING seq
            """;
        command.Parameters.AddWithValue("$room", draft.RoomId);
        command.Parameters.AddWithValue("$key", draft.CandidateKey);
        command.Parameters.AddWithValue("$name", draft.DisplayName);
        command.Parameters.AddWithValue("$kind", draft.Kind.ToString());
        command.Parameters.AddWithValue("$detail", (object?)draft.Detail ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", draft.At.ToUnixTimeMilliseconds());
        var seq = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        return new FocusEvent(seq, draft.RoomId, draft.CandidateKey, draft.DisplayName, draft.Kind, draft.Detail, draft.At);
    }

    public async Task<IReadOnlyList<FocusEvent>> GetFocusEventsAsync(string testId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.room_id, e.seq, e.candidate_key, e.display_name, e.kind, e.detail, e.at
            FROM focus_events e JOIN exam_rooms r ON r.room_id = e.room_id
            WHERE r.test_id = $test ORDER BY e.at, e.room_id, e.seq
            """;
        command.Parameters.AddWithValue("$test", testId);
        var list = new List<FocusEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!Enum.TryParse<FocusKind>(reader.GetString(4), out var kind)) continue;
            list.Add(new FocusEvent(reader.GetInt64(1), reader.GetString(0), reader.GetString(2), reader.GetString(3), kind,
                reader.IsDBNull(5) ? null : reader.GetString(5), FromUnix(reader.GetInt64(6))));
        }
        return list;
    }

    private static DateTimeOffset FromUnix(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
