using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Tests.Features.Rooms;

public sealed partial class RoomHubTests : IAsyncLifetime
{
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(new() { ["Rooms:ReconnectGraceSeconds"] = "1" });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> NewRoomAsync(int? capacity = null) => (await _factory.Rooms.CreateAsync("Test room", capacity)).Id;

    [Fact]
    public async Task Second_participant_sees_the_first_and_the_first_is_told_at_once()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await RoomClient.JoinAsync(_factory, roomId, "  Grace  ");

        Assert.Equal(JoinStatus.Joined, grace.Join!.Status);
        Assert.Equal(["Ada", "Grace"], grace.Join.Participants.Select(p => p.DisplayName));
        Assert.Equal("Test room", grace.Join.Room!.Title);
        var joined = await ada.Joined.FirstAsync(p => p.DisplayName == "Grace");
        Assert.Equal(grace.Join.ParticipantId, joined.Id);
        Assert.Equal(PresenceState.Connected, joined.Presence);
    }

    [Fact]
    public async Task The_seventh_person_finds_the_room_full()
    {
        var roomId = await NewRoomAsync();
        var clients = new List<RoomClient>();
        try
        {
            for (var i = 1; i <= 6; i++) clients.Add(await RoomClient.JoinAsync(_factory, roomId, $"P{i}"));
            Assert.All(clients, c => Assert.Equal(JoinStatus.Joined, c.Join!.Status));

            var seventh = await RoomClient.JoinAsync(_factory, roomId, "P7");
            clients.Add(seventh);

            Assert.Equal(JoinStatus.Full, seventh.Join!.Status);
            Assert.Null(seventh.Join.ParticipantId);
            await Assert.ThrowsAsync<HubException>(() => seventh.SendChatAsync("let me in"));
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Per_room_capacity_is_honoured_and_rejoining_with_the_same_key_does_not_take_a_seat()
    {
        var roomId = await NewRoomAsync(capacity: 1);
        await using var ada = await RoomClient.ConnectAsync(_factory);
        var key = RoomClient.NewSessionKey();
        var first = await ada.JoinRoomAsync(roomId, "Ada", key);
        await using var other = await RoomClient.JoinAsync(_factory, roomId, "Other");
        await using var adaAgain = await RoomClient.ConnectAsync(_factory);

        var again = await adaAgain.JoinRoomAsync(roomId, "Ada", key);

        Assert.Equal(JoinStatus.Full, other.Join!.Status);
        Assert.Equal(JoinStatus.Joined, again.Status);
        Assert.Equal(first.ParticipantId, again.ParticipantId);
    }

    [Fact]
    public async Task Unknown_room_answers_not_found()
    {
        await using var client = await RoomClient.JoinAsync(_factory, "zzzzzzzzzz", "Ada");
        Assert.Equal(JoinStatus.NotFound, client.Join!.Status);
    }
}
