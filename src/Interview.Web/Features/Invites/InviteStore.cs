using Dapper;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Invites;

/// <summary><see cref="IInviteStore"/> on the configured <see cref="IDatabase"/> (table <c>invites</c>, migration 5).</summary>
public sealed class InviteStore(IDatabase database) : IInviteStore
{
    private const string Columns = """
        id, room_id AS RoomId, role, token, display_name AS DisplayName, user_id AS UserId, test_id AS TestId,
        created_by AS CreatedBy, created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt
        """;

    public async Task AddAsync(InviteRecord invite, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO invites (id, room_id, role, token, display_name, user_id, test_id, created_by, created_at, expires_at, revoked_at)
            VALUES (@id, @room, @role, @token, @name, @user, @test, @by, @created, @expires, NULL)
            """,
            new
            {
                id = invite.Id, room = invite.RoomId, role = RolePolicy.Name(invite.Role), token = invite.Token,
                name = invite.DisplayName, user = invite.UserId, test = invite.TestId, by = invite.CreatedBy,
                created = invite.CreatedAt.ToUnixTimeMilliseconds(), expires = invite.ExpiresAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<InviteRecord?> GetAsync(string inviteId, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM invites WHERE id = @p", inviteId, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<InviteRecord>> ListAsync(string roomId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM invites WHERE room_id = @p ORDER BY created_at, id", roomId, cancellationToken);

    public async Task<int> CountAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM invites WHERE room_id = @room", new { room = roomId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> RevokeAsync(string roomId, string inviteId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invites SET revoked_at = coalesce(revoked_at, @at) WHERE id = @id AND room_id = @room",
            new { id = inviteId, room = roomId, at = at.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<IReadOnlyList<InviteRecord>> QueryAsync(string sql, string parameter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InviteRow>(new CommandDefinition(sql, new { p = parameter }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    private sealed class InviteRow
    {
        public string Id { get; set; } = "";
        public string RoomId { get; set; } = "";
        public string Role { get; set; } = "";
        public string Token { get; set; } = "";
        public string? DisplayName { get; set; }
        public string? UserId { get; set; }
        public string? TestId { get; set; }
        public string? CreatedBy { get; set; }
        public long CreatedAt { get; set; }
        public long ExpiresAt { get; set; }
        public long? RevokedAt { get; set; }

        public InviteRecord ToRecord()
        {
            RolePolicy.TryParse(Role, out var role);
            return new InviteRecord(Id, RoomId, role, Token, DisplayName, UserId, TestId, CreatedBy,
                DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAt),
                RevokedAt is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null);
        }
    }
}
