using Dapper;
using Interview.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary><see cref="RoomLifetimeTests"/> with every host of a test storing in one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RoomLifetimeOnPostgresTests(PostgresFixture postgres) : RoomLifetimeTests, IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await postgres.CreateDatabaseAsync(nameof(RoomLifetimeOnPostgresTests));

    public Task DisposeAsync() => Task.CompletedTask;

    protected override InterviewFactory NewHost(string? dataDir = null, Dictionary<string, string>? settings = null, TimeProvider? time = null,
        Action<IServiceCollection>? services = null) =>
        new(settings, dataDir, _database) { Time = time, TestServices = services };

    [Fact]
    public async Task With_postgres_configured_rooms_and_chat_are_stored_there_and_no_sqlite_file_is_made()
    {
        await using var host = NewHost();
        var roomId = (await host.Rooms.CreateAsync("In Postgres", null)).Id;
        await using (var ada = await RoomClient.JoinAsync(host, roomId, "Ada")) await ada.SendChatAsync("stored in postgres");

        await using var connection = new NpgsqlConnection(_database);
        Assert.Equal("In Postgres", await connection.ExecuteScalarAsync<string>("SELECT title FROM rooms WHERE id = @roomId", new { roomId }));
        Assert.Equal("stored in postgres", await connection.ExecuteScalarAsync<string>("SELECT text FROM chat_messages WHERE room_id = @roomId", new { roomId }));
        Assert.False(File.Exists(Path.Combine(host.DataDir, "interview.db")));
    }
}
