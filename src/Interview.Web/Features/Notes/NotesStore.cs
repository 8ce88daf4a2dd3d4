using System.Text.Json;
using Dapper;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Notes;

/// <summary><see cref="INotesStore"/> on the configured <see cref="IDatabase"/>; the scorecard is stored as JSON.</summary>
public sealed class NotesStore(IDatabase database) : INotesStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<InterviewerNotes?> GetAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<NotesRow>(new CommandDefinition(
            "SELECT notes, scorecard, updated_by AS UpdatedBy, updated_at AS UpdatedAt FROM interviewer_notes WHERE room_id = @room",
            new { room = roomId }, cancellationToken: cancellationToken));
        if (row is null) return null;
        var card = JsonSerializer.Deserialize<Scorecard>(row.Scorecard, Json) ?? Scorecard.Default;
        return new InterviewerNotes(row.Notes, card, row.UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));
    }

    public async Task SaveAsync(string roomId, InterviewerNotes notes, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO interviewer_notes (room_id, notes, scorecard, updated_by, updated_at) VALUES (@room, @notes, @card, @by, @at)
            ON CONFLICT (room_id) DO UPDATE SET
                notes = excluded.notes, scorecard = excluded.scorecard, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """,
            new
            {
                room = roomId, notes = notes.Notes, card = JsonSerializer.Serialize(notes.Scorecard, Json), by = notes.UpdatedBy ?? "",
                at = (notes.UpdatedAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    private sealed class NotesRow
    {
        public string Notes { get; set; } = "";
        public string Scorecard { get; set; } = "";
        public string UpdatedBy { get; set; } = "";
        public long UpdatedAt { get; set; }
    }
}
