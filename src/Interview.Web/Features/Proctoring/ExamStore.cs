using Dapper;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Proctoring;

/// <summary><see cref="IExamStore"/> on the configured <see cref="IDatabase"/>. Times are Unix milliseconds; kinds are stored by name.</summary>
public sealed class ExamStore(IDatabase database) : IExamStore
{
    public Task AssignRoomAsync(string roomId, string testId, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("""
            INSERT INTO exam_rooms (room_id, test_id) VALUES (@room, @test)
            ON CONFLICT (room_id) DO UPDATE SET test_id = excluded.test_id
            """, new { room = roomId, test = testId }, cancellationToken);

    public async Task<string?> GetRoomTestAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT test_id FROM exam_rooms WHERE room_id = @room", new { room = roomId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> GetRoomsAsync(string testId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rooms = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT room_id FROM exam_rooms WHERE test_id = @test ORDER BY room_id", new { test = testId }, cancellationToken: cancellationToken));
        return [.. rooms];
    }

    public Task RememberCandidateAsync(ExamCandidateRecord candidate, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("""
            INSERT INTO exam_candidates (room_id, candidate_key, display_name, first_seen_at) VALUES (@room, @key, @name, @at)
            ON CONFLICT DO NOTHING
            """,
            new { room = candidate.RoomId, key = candidate.CandidateKey, name = candidate.DisplayName, at = candidate.FirstSeenAt.ToUnixTimeMilliseconds() },
            cancellationToken);

    public async Task<IReadOnlyList<ExamCandidateRecord>> GetCandidatesAsync(string testId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CandidateRow>(new CommandDefinition("""
            SELECT c.room_id AS RoomId, c.candidate_key AS CandidateKey, c.display_name AS DisplayName, c.first_seen_at AS FirstSeenAt
            FROM exam_candidates c JOIN exam_rooms r ON r.room_id = c.room_id
            WHERE r.test_id = @test ORDER BY c.first_seen_at, c.candidate_key
            """, new { test = testId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ExamCandidateRecord(r.RoomId, r.CandidateKey, r.DisplayName, FromUnix(r.FirstSeenAt)))];
    }

    public async Task<FocusEvent> AppendFocusEventAsync(FocusDraft draft, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO focus_events (room_id, seq, candidate_key, display_name, kind, detail, at)
            VALUES (@room, (SELECT coalesce(max(seq), 0) + 1 FROM focus_events WHERE room_id = @room), @key, @name, @kind, @detail, @at)
            RETURNING seq
            """,
            new
            {
                room = draft.RoomId, key = draft.CandidateKey, name = draft.DisplayName, kind = draft.Kind.ToString(), detail = draft.Detail,
                at = draft.At.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
        return new FocusEvent(seq, draft.RoomId, draft.CandidateKey, draft.DisplayName, draft.Kind, draft.Detail, draft.At);
    }

    public async Task<IReadOnlyList<FocusEvent>> GetFocusEventsAsync(string testId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FocusRow>(new CommandDefinition("""
            SELECT e.room_id AS RoomId, e.seq, e.candidate_key AS CandidateKey, e.display_name AS DisplayName, e.kind, e.detail, e.at
            FROM focus_events e JOIN exam_rooms r ON r.room_id = e.room_id
            WHERE r.test_id = @test ORDER BY e.at, e.room_id, e.seq
            """, new { test = testId }, cancellationToken: cancellationToken));
        var events = new List<FocusEvent>();
        foreach (var r in rows)
            if (Enum.TryParse<FocusKind>(r.Kind, out var kind))
                events.Add(new FocusEvent(r.Seq, r.RoomId, r.CandidateKey, r.DisplayName, kind, r.Detail, FromUnix(r.At)));
        return events;
    }

    private static DateTimeOffset FromUnix(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private sealed class CandidateRow
    {
        public string RoomId { get; set; } = "";
        public string CandidateKey { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public long FirstSeenAt { get; set; }
    }

    private sealed class FocusRow
    {
        public string RoomId { get; set; } = "";
        public long Seq { get; set; }
        public string CandidateKey { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Detail { get; set; }
        public long At { get; set; }
    }
}
