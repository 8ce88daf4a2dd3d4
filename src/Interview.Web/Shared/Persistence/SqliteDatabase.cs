using Microsoft.Data.Sqlite;

namespace Interview.Web.Shared.Persistence;

/// <summary>The SQLite file and its schema. Connections are pooled by Microsoft.Data.Sqlite; WAL lets readers run beside the writer.</summary>
public sealed class SqliteDatabase(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30,
    }.ToString();

    public string Path { get; } = path;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Applies every migration newer than the file's <c>user_version</c>, each in its own transaction.</summary>
    public void Migrate()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"));
        for (var i = version; i < SqliteMigrations.All.Length; i++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, SqliteMigrations.All[i], transaction);
            Execute(connection, $"PRAGMA user_version = {i + 1};", transaction);
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
