using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Persistence;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Rooms;

public sealed class RoomLoadRetryTests
{
    [Fact]
    public async Task A_room_whose_load_failed_once_loads_on_the_next_join()
    {
        await using var factory = new InterviewFactory();
        var room = await factory.Rooms.CreateAsync("Flaky storage", null);
        var database = factory.Services.GetRequiredService<IDatabase>();

        // A real, transient storage failure: one of the tables the load reads is briefly gone.
        await ExecuteAsync(database, "ALTER TABLE room_recordings RENAME TO room_recordings_away;");
        await using var first = await RoomClient.ConnectAsync(factory);
        var error = await Assert.ThrowsAsync<HubException>(() => first.JoinRoomAsync(room.Id, "Ada"));
        Assert.Contains("cannot be opened right now", error.Message);
        Assert.DoesNotContain(room.Id, factory.Rooms.LoadedRoomIds);

        await ExecuteAsync(database, "ALTER TABLE room_recordings_away RENAME TO room_recordings;");
        var joined = await first.JoinRoomAsync(room.Id, "Ada");
        Assert.Equal(JoinStatus.Joined, joined.Status);
        Assert.Equal("Flaky storage", joined.Room!.Title);

        // The room serves as usual after its failed load.
        await using var grace = await RoomClient.JoinAsync(factory, room.Id, "Grace");
        await first.SendChatAsync("after the retry");
        Assert.Equal("after the retry", (await grace.Chat.NextAsync()).Text);
    }

    private static async Task ExecuteAsync(IDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
