using Interview.Web.Shared.Persistence;
using Interview.Web.Tests.Support;
using Npgsql;

namespace Interview.Web.Tests.Shared.Persistence;

/// <summary><see cref="StoreTests"/> on a fresh database of the shared test PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresFixture postgres) : StoreTests
{
    private readonly List<NpgsqlDataSource> _sources = [];
    private string _connectionString = "";

    protected override async Task<IDatabase> CreateDatabaseAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync(nameof(PostgresStoreTests));
        return OpenAgain();
    }

    protected override IDatabase OpenAgain()
    {
        var source = NpgsqlDataSource.Create(_connectionString);
        _sources.Add(source);
        return new PostgresDatabase(source);
    }

    public override async Task DisposeAsync()
    {
        foreach (var source in _sources) await source.DisposeAsync();
    }
}
