using Dapper;
using Interview.Web.Shared.Persistence;
using Interview.Web.Tests.Support;
using Npgsql;

namespace Interview.Web.Tests.Shared.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Nodes_starting_together_against_one_fresh_database_migrate_it_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync(nameof(PostgresMigrationTests));
        var sources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            // Every "node" holds an open connection first, so the migrations really start at the same moment.
            foreach (var source in sources) await (await source.OpenConnectionAsync()).DisposeAsync();
            using var start = new Barrier(sources.Count);
            await Task.WhenAll(sources.Select(source => Task.Run(async () =>
            {
                start.SignalAndWait();
                await new PostgresDatabase(source).MigrateAsync();
            })));
            await new PostgresDatabase(sources[0]).MigrateAsync(); // a later start finds nothing to do

            await using var connection = await sources[0].OpenConnectionAsync();
            var versions = await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version");
            Assert.Equal(Enumerable.Range(1, PostgresMigrations.All.Length), versions);
            var tables = await connection.QueryAsync<string>(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
            Assert.Equal(
                ["admission_decisions", "chat_messages", "doc_history_base", "doc_snapshots", "doc_updates", "exam_candidates", "exam_rooms",
                 "focus_events", "interviewer_notes", "invites", "room_recordings", "room_runs", "rooms", "schema_migrations"],
                tables);
        }
        finally
        {
            foreach (var source in sources) await source.DisposeAsync();
        }
    }
}
