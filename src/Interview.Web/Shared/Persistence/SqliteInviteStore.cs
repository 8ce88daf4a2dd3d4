using Interview.Web.Features.Invites;
using Interview.Web.Features.Rooms;
using Microsoft.Data.Sqlite;

namespace Interview.Web.Shared.Persistence;

/// <summary><see cref="IInviteStore"/> on the embedded SQLite file (table <c>invites</c>, migration 3).</summary>
public sealed class SqliteInviteStore(SqliteDatabase database) : IInviteStore
{
    private const string Columns = "id, room_id, role, token, display_name, user_id, test_id, created_by, created_at, expires_at, revoked_at";

    public async Task AddAsync(InviteRecord invite, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO invites ({Columns})
            VALUES ($id, $room, $role, $token, $name, $user, $test, $by, $created, $expires, NULL)
            """;
        command.Parameters.AddWithValue("$id", invite.Id);
        command.Parameters.AddWithValue("$room", invite.RoomId);
        command.Parameters.AddWithValue("$role", RolePolicy.Name(invite.Role));
        command.Parameters.AddWithValue("$token", invite.Token);
        command.Parameters.AddWithValue("$name", (object?)invite.DisplayName ?? DBNull.Value);
        command.Parameters.AddWithValue("$user", (object?)invite.UserId ?? DBNull.Value);
        command.Parameters.AddWithValue("$test", (object?)invite.TestId ?? DBNull.Value);
        command.Parameters.AddWithValue("$by", (object?)invite.CreatedBy ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", invite.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", invite.ExpiresAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<InviteRecord?> GetAsync(string inviteId, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM invites WHERE id = $p", inviteId, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<InviteRecord>> ListAsync(string roomId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM invites WHERE room_id = $p ORDER BY created_at, id", roomId, cancellationToken);

    public async Task<int> CountAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM invites WHERE room_id = $room";
        command.Parameters.AddWithValue("$room", roomId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<bool> RevokeAsync(string roomId, string inviteId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE invites SET revoked_at = coalesce(revoked_at, $at) WHERE id = $id AND room_id = $room";
        command.Parameters.AddWithValue("$id", inviteId);
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<InviteRecord>> QueryAsync(string sql, string parameter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var invites = new List<InviteRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            RolePolicy.TryParse(reader.GetString(2), out var role);
            invites.Add(new InviteRecord(
                reader.GetString(0), reader.GetString(1), role, reader.GetString(3),
                Nullable(reader, 4), Nullable(reader, 5), Nullable(reader, 6), Nullable(reader, 7),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10))));
        }
        return invites;
    }

    private static string? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
