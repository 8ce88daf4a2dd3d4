using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Interview.Web.Shared.Persistence;

/// <summary>The SQLite file and its schema. Connections are pooled by Microsoft.Data.Sqlite; WAL lets readers run beside the writer.</summary>
public sealed class SqliteDatabase(string path) : IDatabase
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30,
    }.ToString();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Applies every migration newer than the file's <c>user_version</c>, each in its own transaction. The version is
    /// read inside the write transaction (BEGIN IMMEDIATE), so hosts starting together on one file apply each step once.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        while (true)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;", transaction: transaction);
            if (version >= SqliteMigrations.All.Length) return;
            await connection.ExecuteAsync(SqliteMigrations.All[version], transaction: transaction);
            await connection.ExecuteAsync($"PRAGMA user_version = {version + 1};", transaction: transaction);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
