using System.Data.Common;

namespace Interview.Web.Shared.Persistence;

/// <summary>
/// Where the stores keep their data: the embedded SQLite file (<see cref="SqliteDatabase"/>) or PostgreSQL
/// (<see cref="PostgresDatabase"/>). The stores write one SQL for both (Dapper, <c>@name</c> parameters); the schema
/// is the same, migrated at start-up by each database in its own dialect.
/// </summary>
public interface IDatabase
{
    /// <summary>An open connection from the provider's pool; the caller disposes it.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies every migration the database has not seen yet, each in its own transaction.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);
}
