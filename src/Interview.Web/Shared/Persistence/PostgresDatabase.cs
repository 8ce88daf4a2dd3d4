using System.Data.Common;
using Dapper;
using Npgsql;

namespace Interview.Web.Shared.Persistence;

/// <summary>
/// PostgreSQL (<c>INTERVIEW_POSTGRES</c>, an Npgsql connection string). Npgsql pools the connections; a connection
/// broken by a server restart is dropped from the pool when it fails, so the host recovers once the server is back.
/// Several nodes share one database: migrating takes an advisory lock, so nodes starting together do not race.
/// </summary>
public sealed class PostgresDatabase(NpgsqlDataSource dataSource) : IDatabase
{
    /// <summary>The advisory lock key every node takes while it migrates (any fixed number; this one spells "intv").</summary>
    private const long MigrationLock = 0x696E7476; // 1768846454

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Applies the steps of <see cref="PostgresMigrations"/> the database has not recorded in <c>schema_migrations</c>,
    /// each in its own transaction under <c>pg_advisory_xact_lock</c>: a node that waited for another finds the step
    /// recorded and skips it.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLock }, transaction);
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
                transaction: transaction);
            var version = await connection.ExecuteScalarAsync<int>(
                "SELECT coalesce(max(version), 0) FROM schema_migrations", transaction: transaction);
            if (version >= PostgresMigrations.All.Length)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            await connection.ExecuteAsync(PostgresMigrations.All[version], transaction: transaction);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)",
                new { version = version + 1, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
