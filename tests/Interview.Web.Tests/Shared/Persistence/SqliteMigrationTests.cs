using Dapper;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Tests.Shared.Persistence;

public sealed class SqliteMigrationTests
{
    [Fact]
    public async Task Hosts_starting_together_on_one_fresh_file_migrate_it_once()
    {
        var dir = Directory.CreateTempSubdirectory("interview-sqlite-migrate-").FullName;
        try
        {
            var path = Path.Combine(dir, "interview.db");
            using var start = new Barrier(6);
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                start.SignalAndWait();
                await new SqliteDatabase(path).MigrateAsync();
            })));

            await using var connection = await new SqliteDatabase(path).OpenAsync();
            Assert.Equal(SqliteMigrations.All.Length, await connection.ExecuteScalarAsync<int>("PRAGMA user_version;"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sqlite_master WHERE name = 'exam_rooms'"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
