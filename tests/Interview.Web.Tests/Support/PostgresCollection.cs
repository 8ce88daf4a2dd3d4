namespace Interview.Web.Tests.Support;

/// <summary>The tests that share one <see cref="PostgresServer"/>; each test makes its own database in it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}

/// <summary>The shared server of <see cref="PostgresCollection"/>: started before its first test, stopped after its last.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _databases;

    public PostgresServer Server { get; private set; } = default!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A fresh database for one test, named after <paramref name="owner"/>.</summary>
    public Task<string> CreateDatabaseAsync(string owner) =>
        Server.CreateDatabaseAsync($"{owner.ToLowerInvariant()}_{Interlocked.Increment(ref _databases)}");
}
