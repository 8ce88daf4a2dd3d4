using Interview.Web.Shared.Persistence;

namespace Interview.Web.Tests.Shared.Persistence;

/// <summary><see cref="StoreTests"/> on a fresh SQLite file.</summary>
public sealed class SqliteStoreTests : StoreTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("interview-store-").FullName;

    private string DatabasePath => Path.Combine(_dir, "interview.db");

    protected override Task<IDatabase> CreateDatabaseAsync() => Task.FromResult<IDatabase>(new SqliteDatabase(DatabasePath));

    protected override IDatabase OpenAgain() => new SqliteDatabase(DatabasePath);

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
