using Interview.Web.Shared.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Interview.Web.Shared.Persistence;

public static class PersistenceSetup
{
    /// <summary>
    /// Storage: PostgreSQL when <c>INTERVIEW_POSTGRES</c> (configuration key <c>POSTGRES</c>) is set, otherwise
    /// embedded SQLite under <c>INTERVIEW_DATA_DIR</c> (default <c>./data</c>); the schema is migrated at start-up.
    /// Recording files and Data Protection keys stay in the data folder either way. Each feature registers its own
    /// store on this database.
    /// </summary>
    /// <exception cref="StartupException">PostgreSQL is configured but cannot be used.</exception>
    public static void AddPersistence(this WebApplicationBuilder builder)
    {
        var dataDir = Path.GetFullPath(builder.Configuration["DATA_DIR"] is { Length: > 0 } d ? d : "data");
        Directory.CreateDirectory(dataDir);
        IDatabase database = builder.Configuration["POSTGRES"] is { Length: > 0 } postgres
            ? OpenPostgres(builder, postgres)
            : OpenSqlite(Path.Combine(dataDir, "interview.db"));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(new DataDirectory(dataDir));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Data Protection keys (antiforgery, circuits, recording download tickets) live with the data, so a restart or
        // another host sharing the folder accepts what this one issued.
        builder.Services.AddDataProtection().SetApplicationName("Interview")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys")));
    }

    private static SqliteDatabase OpenSqlite(string path)
    {
        var database = new SqliteDatabase(path);
        database.MigrateAsync().GetAwaiter().GetResult();
        return database;
    }

    /// <summary>The PostgreSQL database, checked by migrating it now: a wrong string or a server that does not answer stops the host.</summary>
    private static PostgresDatabase OpenPostgres(WebApplicationBuilder builder, string connectionString)
    {
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"INTERVIEW_POSTGRES is not a valid Npgsql connection string: {e.Message}");
        }
        var database = new PostgresDatabase(dataSource);
        try
        {
            database.MigrateAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            dataSource.Dispose();
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            var reason = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
            throw new StartupException(
                $"INTERVIEW_POSTGRES: PostgreSQL at {settings.Host}:{settings.Port} (database {settings.Database}) cannot be used: {reason.ReplaceLineEndings(" ")}");
        }
        builder.Services.AddSingleton(_ => dataSource); // created by a factory, so disposed with the host (closing the pool)
        return database;
    }
}

/// <summary>The data folder (<c>INTERVIEW_DATA_DIR</c>), for features that keep files beside the database.</summary>
public sealed record DataDirectory(string Path);
