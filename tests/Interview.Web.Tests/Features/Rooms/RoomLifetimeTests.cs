using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Persistence;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Rooms;

public sealed class RoomLifetimeTests
{
    [Fact]
    public async Task Rooms_and_chat_survive_a_restart_of_the_host()
    {
        string roomId;
        string dataDir;
        await using (var first = new InterviewFactory())
        {
            dataDir = first.DataDir;
            roomId = (await first.Rooms.CreateAsync("Durable", null)).Id;
            await using var ada = await RoomClient.JoinAsync(first, roomId, "Ada");
            await ada.SendChatAsync("written before the restart");
        }

        await using var second = new InterviewFactory(dataDir: dataDir);
        await using var grace = await RoomClient.JoinAsync(second, roomId, "Grace");

        Assert.Equal("Durable", grace.Join!.Room!.Title);
        Assert.Equal(["written before the restart"], grace.Join.Chat.Select(m => m.Text));
        Assert.Equal(["Grace"], grace.Join.Participants.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task Idle_empty_rooms_expire_with_their_data_and_occupied_rooms_stay()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var factory = new InterviewFactory(new() { ["Rooms:IdleExpiryHours"] = "24" }) { Time = time };
        var idle = (await factory.Rooms.CreateAsync("idle", null)).Id;
        var occupied = (await factory.Rooms.CreateAsync("occupied", null)).Id;
        var fresh = (await factory.Rooms.CreateAsync("fresh", null)).Id;
        await using (var visitor = await RoomClient.JoinAsync(factory, idle, "Visitor"))
        {
            await visitor.SendChatAsync("gone soon");
            await visitor.Connection.InvokeAsync(nameof(RoomHub.Leave));
        }
        await using var stays = await RoomClient.JoinAsync(factory, occupied, "Stays");

        time.Advance(TimeSpan.FromHours(25));
        await factory.Rooms.FindAsync(fresh); // loaded, but created "now" from the store's point of view below
        var store = factory.Services.GetRequiredService<IRoomStore>();
        await store.TouchAsync(fresh, time.GetUtcNow());

        var deleted = await factory.Services.GetRequiredService<RoomExpiryService>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await store.GetRoomAsync(idle));
        Assert.Empty(await store.GetRecentChatAsync(idle, 10));
        Assert.Null(await factory.Rooms.FindAsync(idle));
        Assert.NotNull(await factory.Rooms.FindAsync(occupied));
        Assert.NotNull(await factory.Rooms.FindAsync(fresh));
    }
}
