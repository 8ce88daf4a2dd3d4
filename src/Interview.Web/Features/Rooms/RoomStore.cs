using Dapper;
using Interview.Web.Features.Chat;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Rooms;

/// <summary><see cref="IRoomStore"/> on the configured <see cref="IDatabase"/>. Times are stored as Unix milliseconds.</summary>
public sealed class RoomStore(IDatabase database) : IRoomStore
{
    public async Task CreateRoomAsync(RoomRecord room, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO rooms (id, title, capacity, owner_token_hash, created_at, last_active_at, ended_at, require_invite, lobby, editor_locked)
            VALUES (@id, @title, @capacity, @owner, @created, @active, NULL, @invite, @lobby, @locked)
            """,
            new
            {
                id = room.Id, title = room.Title, capacity = room.Capacity, owner = room.OwnerTokenHash,
                created = room.CreatedAt.ToUnixTimeMilliseconds(), active = room.LastActiveAt.ToUnixTimeMilliseconds(),
                invite = room.RequireInvite, lobby = room.Lobby, locked = room.EditorLocked,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RoomRow>(new CommandDefinition("""
            SELECT id, title, capacity, owner_token_hash AS OwnerTokenHash, created_at AS CreatedAt, last_active_at AS LastActiveAt,
                   ended_at AS EndedAt, require_invite AS RequireInvite, lobby, editor_locked AS EditorLocked
            FROM rooms WHERE id = @id
            """, new { id = roomId }, cancellationToken: cancellationToken));
        return row is null ? null : new RoomRecord(row.Id, row.Title, row.Capacity, row.OwnerTokenHash, FromUnix(row.CreatedAt),
            FromUnix(row.LastActiveAt), row.EndedAt is { } ended ? FromUnix(ended) : null, row.RequireInvite, row.Lobby, row.EditorLocked);
    }

    public Task MarkEndedAsync(string roomId, DateTimeOffset endedAt, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("UPDATE rooms SET ended_at = @at, last_active_at = @at WHERE id = @id",
            new { id = roomId, at = endedAt.ToUnixTimeMilliseconds() }, cancellationToken);

    public Task TouchAsync(string roomId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync(TouchSql, new { id = roomId, at = at.ToUnixTimeMilliseconds() }, cancellationToken);

    public Task SaveSettingsAsync(string roomId, bool lobby, bool editorLocked, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("UPDATE rooms SET lobby = @lobby, editor_locked = @locked WHERE id = @id",
            new { id = roomId, lobby, locked = editorLocked }, cancellationToken);

    public Task AddAdmissionAsync(string roomId, AdmissionDecision decision, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("""
            INSERT INTO admission_decisions (room_id, kind, key, decided_at) VALUES (@room, @kind, @key, @at)
            ON CONFLICT DO NOTHING
            """,
            new { room = roomId, kind = decision.Kind.ToString(), key = decision.Key, at = at.ToUnixTimeMilliseconds() }, cancellationToken);

    public async Task<IReadOnlyList<AdmissionDecision>> GetAdmissionsAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, string Key)>(new CommandDefinition(
            "SELECT kind, key FROM admission_decisions WHERE room_id = @room ORDER BY decided_at", new { room = roomId },
            cancellationToken: cancellationToken));
        var decisions = new List<AdmissionDecision>();
        foreach (var (name, key) in rows)
            if (Enum.TryParse<AdmissionKind>(name, out var kind)) decisions.Add(new AdmissionDecision(kind, key));
        return decisions;
    }

    public async Task<ChatMessage> AppendChatAsync(string roomId, ChatDraft draft, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var at = draft.SentAt.ToUnixTimeMilliseconds();
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO chat_messages (room_id, seq, participant_id, author_name, text, sent_at)
            VALUES (@room, (SELECT coalesce(max(seq), 0) + 1 FROM chat_messages WHERE room_id = @room), @pid, @author, @text, @at)
            RETURNING seq
            """,
            new { room = roomId, pid = draft.ParticipantId, author = draft.AuthorName, text = draft.Text, at },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(TouchSql, new { id = roomId, at }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new ChatMessage(seq, draft.ParticipantId, draft.AuthorName, draft.Text, draft.SentAt);
    }

    public async Task<IReadOnlyList<ChatMessage>> GetRecentChatAsync(string roomId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChatRow>(new CommandDefinition("""
            SELECT seq, participant_id AS ParticipantId, author_name AS AuthorName, text, sent_at AS SentAt FROM
              (SELECT * FROM chat_messages WHERE room_id = @room ORDER BY seq DESC LIMIT @limit) AS recent
            ORDER BY seq
            """, new { room = roomId, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ChatMessage(r.Seq, r.ParticipantId, r.AuthorName, r.Text, FromUnix(r.SentAt)))];
    }

    public async Task<IReadOnlyList<string>> FindIdleRoomsAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM rooms WHERE last_active_at < @at", new { at = idleSince.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return [.. ids];
    }

    public async Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in new[] { "DELETE FROM chat_messages WHERE room_id = @id", "DELETE FROM rooms WHERE id = @id" })
            await connection.ExecuteAsync(new CommandDefinition(sql, new { id = roomId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Moves the room's last activity forward, never back.</summary>
    private const string TouchSql = "UPDATE rooms SET last_active_at = @at WHERE id = @id AND last_active_at < @at";

    private static DateTimeOffset FromUnix(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private sealed class RoomRow
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public int Capacity { get; set; }
        public string OwnerTokenHash { get; set; } = "";
        public long CreatedAt { get; set; }
        public long LastActiveAt { get; set; }
        public long? EndedAt { get; set; }
        public bool RequireInvite { get; set; }
        public bool Lobby { get; set; }
        public bool EditorLocked { get; set; }
    }

    private sealed class ChatRow
    {
        public long Seq { get; set; }
        public string ParticipantId { get; set; } = "";
        public string AuthorName { get; set; } = "";
        public string Text { get; set; } = "";
        public long SentAt { get; set; }
    }
}
