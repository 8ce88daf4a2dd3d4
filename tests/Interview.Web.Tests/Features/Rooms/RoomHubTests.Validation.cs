using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Rooms;

public sealed partial class RoomHubTests
{
    [Theory]
    [InlineData("", "Enter a display name.")]
    [InlineData("   ", "Enter a display name.")]
    [InlineData("12345678901234567890123456789012345678901", "at most 40 characters")]
    [InlineData("bell\u0007", "control characters")]
    public async Task Bad_display_names_are_refused_with_a_clear_message(string name, string expected)
    {
        var roomId = await NewRoomAsync();
        await using var client = await RoomClient.ConnectAsync(_factory);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinRoomAsync(roomId, name));

        Assert.Contains(expected, error.Message);
        Assert.Empty((await _factory.Rooms.FindAsync(roomId))!.Snapshot.Participants);
    }

    [Fact]
    public async Task A_forty_character_name_is_accepted_exactly_as_entered()
    {
        var roomId = await NewRoomAsync();
        var name = new string('é', 39) + "!";
        await using var client = await RoomClient.JoinAsync(_factory, roomId, name);
        Assert.Equal(name, client.Join!.Participants.Single().DisplayName);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in it, sixteen+")]
    public async Task Malformed_session_keys_are_refused(string key)
    {
        var roomId = await NewRoomAsync();
        await using var client = await RoomClient.ConnectAsync(_factory);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinRoomAsync(roomId, "Ada", key));

        Assert.Contains("session key", error.Message);
    }

    [Fact]
    public async Task An_oversize_hub_message_closes_only_that_connection()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        await using var flooder = await RoomClient.JoinAsync(_factory, roomId, "Flooder");
        var closed = new TaskCompletionSource<Exception?>();
        flooder.Connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };

        _ = flooder.SendChatAsync(new string('x', 200_000)).ContinueWith(_ => { });

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, flooder.Connection.State);
        await ada.SendChatAsync("still here");
        Assert.Equal("still here", (await ada.Chat.NextAsync()).Text);
    }

    [Fact]
    public async Task A_connection_can_be_in_one_room_only()
    {
        var first = await NewRoomAsync();
        var second = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, first, "Ada");

        var error = await Assert.ThrowsAsync<HubException>(() => ada.JoinRoomAsync(second, "Ada"));

        Assert.Contains("already in room", error.Message);
    }
}
