using Interview.Web.Features.Chat;
using Microsoft.Data.Sqlite;

namespace Interview.Web.Shared.Persistence;

/// <summary><see cref="IRoomStore"/> on the embedded SQLite file. Times are stored as Unix milliseconds.</summary>
public sealed class SqliteRoomStore(SqliteDatabase database) : IRoomStore
{
    public async Task CreateRoomAsync(RoomRecord room, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO rooms (id, title, capacity, owner_token_hash, created_at, last_active_at, ended_at, require_invite, lobby, editor_locked)
            VALUES ($id, $title, $capacity, $owner, $created, $active, NULL, $invite, $lobby, $locked)
            """;
        command.Parameters.AddWithValue("$invite", room.RequireInvite);
        command.Parameters.AddWithValue("$lobby", room.Lobby);
        command.Parameters.AddWithValue("$locked", room.EditorLocked);
        command.Parameters.AddWithValue("$id", room.Id);
        command.Parameters.AddWithValue("$title", room.Title);
        command.Parameters.AddWithValue("$capacity", room.Capacity);
        command.Parameters.AddWithValue("$owner", room.OwnerTokenHash);
        command.Parameters.AddWithValue("$created", room.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$active", room.LastActiveAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, title, capacity, owner_token_hash, created_at, last_active_at, ended_at, require_invite, lobby, editor_locked
            FROM rooms WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", roomId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new RoomRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetInt32(2),
            reader.GetString(3),
            FromUnix(reader.GetInt64(4)),
            FromUnix(reader.GetInt64(5)),
            reader.IsDBNull(6) ? null : FromUnix(reader.GetInt64(6)),
            reader.GetBoolean(7),
            reader.GetBoolean(8),
            reader.GetBoolean(9));
    }

    public Task MarkEndedAsync(string roomId, DateTimeOffset endedAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE rooms SET ended_at = $at, last_active_at = $at WHERE id = $id", roomId, endedAt, cancellationToken);

    public Task TouchAsync(string roomId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE rooms SET last_active_at = max(last_active_at, $at) WHERE id = $id", roomId, at, cancellationToken);

    public async Task SaveSettingsAsync(string roomId, bool lobby, bool editorLocked, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE rooms SET lobby = $lobby, editor_locked = $locked WHERE id = $id";
        command.Parameters.AddWithValue("$id", roomId);
        command.Parameters.AddWithValue("$lobby", lobby);
        command.Parameters.AddWithValue("$locked", editorLocked);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddAdmissionAsync(string roomId, AdmissionDecision decision, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO admission_decisions (room_id, kind, key, decided_at) VALUES ($room, $kind, $key, $at)
            ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$kind", decision.Kind.ToString());
        command.Parameters.AddWithValue("$key", decision.Key);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AdmissionDecision>> GetAdmissionsAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, key FROM admission_decisions WHERE room_id = $room ORDER BY decided_at";
        command.Parameters.AddWithValue("$room", roomId);
        var decisions = new List<AdmissionDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (Enum.TryParse<AdmissionKind>(reader.GetString(0), out var kind)) decisions.Add(new AdmissionDecision(kind, reader.GetString(1)));
        return decisions;
    }

    public async Task<ChatMessage> AppendChatAsync(string roomId, ChatDraft draft, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO chat_messages (room_id, seq, participant_id, author_name, text, sent_at)
            VALUES ($room, (SELECT coalesce(max(seq), 0) + 1 FROM chat_messages WHERE room_id = $room), $pid, $author, $text, $at)
            RETURNING seq
            """;
        insert.Parameters.AddWithValue("$room", roomId);
        insert.Parameters.AddWithValue("$pid", draft.ParticipantId);
        insert.Parameters.AddWithValue("$author", draft.AuthorName);
        insert.Parameters.AddWithValue("$text", draft.Text);
        insert.Parameters.AddWithValue("$at", draft.SentAt.ToUnixTimeMilliseconds());
        var seq = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken));
        await using var touch = connection.CreateCommand();
        touch.Transaction = transaction;
        touch.CommandText = "UPDATE rooms SET last_active_at = max(last_active_at, $at) WHERE id = $id";
        touch.Parameters.AddWithValue("$id", roomId);
        touch.Parameters.AddWithValue("$at", draft.SentAt.ToUnixTimeMilliseconds());
        await touch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ChatMessage(seq, draft.ParticipantId, draft.AuthorName, draft.Text, draft.SentAt);
    }

    public async Task<IReadOnlyList<ChatMessage>> GetRecentChatAsync(string roomId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, participant_id, author_name, text, sent_at FROM
              (SELECT * FROM chat_messages WHERE room_id = $room ORDER BY seq DESC LIMIT $limit)
            ORDER BY seq
            """;
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$limit", limit);
        var messages = new List<ChatMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new ChatMessage(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), FromUnix(reader.GetInt64(4))));
        }
        return messages;
    }

    public async Task<IReadOnlyList<string>> FindIdleRoomsAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM rooms WHERE last_active_at < $at";
        command.Parameters.AddWithValue("$at", idleSince.ToUnixTimeMilliseconds());
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    public async Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in new[] { "DELETE FROM chat_messages WHERE room_id = $id", "DELETE FROM rooms WHERE id = $id" })
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", roomId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ExecuteAsync(string sql, string roomId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", roomId);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTimeOffset FromUnix(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
