using System.Text.Json;
using Interview.Web.Features.Notes;

namespace Interview.Web.Shared.Persistence;

/// <summary><see cref="INotesStore"/> on the embedded SQLite file; the scorecard is stored as JSON.</summary>
public sealed class SqliteNotesStore(SqliteDatabase database) : INotesStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<InterviewerNotes?> GetAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT notes, scorecard, updated_by, updated_at FROM interviewer_notes WHERE room_id = $room";
        command.Parameters.AddWithValue("$room", roomId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var card = JsonSerializer.Deserialize<Scorecard>(reader.GetString(1), Json) ?? Scorecard.Default;
        return new InterviewerNotes(reader.GetString(0), card, reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    public async Task SaveAsync(string roomId, InterviewerNotes notes, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO interviewer_notes (room_id, notes, scorecard, updated_by, updated_at) VALUES ($room, $notes, $card, $by, $at)
            ON CONFLICT (room_id) DO UPDATE SET notes = $notes, scorecard = $card, updated_by = $by, updated_at = $at
            """;
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$notes", notes.Notes);
        command.Parameters.AddWithValue("$card", JsonSerializer.Serialize(notes.Scorecard, Json));
        command.Parameters.AddWithValue("$by", notes.UpdatedBy ?? "");
        command.Parameters.AddWithValue("$at", (notes.UpdatedAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
