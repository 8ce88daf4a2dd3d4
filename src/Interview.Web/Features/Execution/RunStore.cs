using System.Text.Json;
using Dapper;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Execution;

/// <summary>The runs of a room, kept so that a restart or a node that dies does not lose them (table <c>room_runs</c>, migration 8).</summary>
public interface IRunStore
{
    /// <summary>Inserts or replaces the record of <paramref name="run"/>; committed before it returns. A new run's insert
    /// also drops the room's records beyond its newest <paramref name="keep"/>.</summary>
    Task SaveAsync(string roomId, RunView run, int keep, CancellationToken cancellationToken = default);

    /// <summary>The room's newest runs, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RunView>> ListAsync(string roomId, int limit, CancellationToken cancellationToken = default);
}

/// <summary><see cref="IRunStore"/> on the configured <see cref="IDatabase"/>: each run's view as JSON, keyed by room and run.</summary>
public sealed class RunStore(IDatabase database) : IRunStore
{
    public async Task SaveAsync(string roomId, RunView run, int keep, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO room_runs (room_id, run_id, started_at, view) VALUES (@room, @id, @at, @view)
            ON CONFLICT (room_id, run_id) DO UPDATE SET view = excluded.view
            """,
            new { room = roomId, id = run.Id, at = run.StartedAt.ToUnixTimeMilliseconds(), view = JsonSerializer.Serialize(run) },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM room_runs WHERE room_id = @room AND run_id NOT IN
                (SELECT run_id FROM room_runs WHERE room_id = @room ORDER BY started_at DESC, run_id DESC LIMIT @keep)
            """, new { room = roomId, keep }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RunView>> ListAsync(string roomId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var views = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT view FROM room_runs WHERE room_id = @room ORDER BY started_at DESC, run_id DESC LIMIT @limit
            """, new { room = roomId, limit }, cancellationToken: cancellationToken));
        return [.. views.Select(view => JsonSerializer.Deserialize<RunView>(view)!)];
    }
}
