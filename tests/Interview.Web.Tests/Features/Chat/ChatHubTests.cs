using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Tests.Features.Chat;

/// <summary>The room's chat through the hub: order, history, validation and the rate limit (<c>Features/Chat/RoomChat</c>).</summary>
public sealed class ChatHubTests : IAsyncLifetime
{
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory();
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> NewRoomAsync() => (await _factory.Rooms.CreateAsync("Chat room", null)).Id;

    [Fact]
    public async Task Chat_messages_arrive_in_order_with_increasing_sequence_numbers()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await RoomClient.JoinAsync(_factory, roomId, "Grace");

        for (var i = 0; i < 10; i++) await ada.SendChatAsync($"message {i}");

        var received = new List<string>();
        long lastSeq = 0;
        for (var i = 0; i < 10; i++)
        {
            var message = await grace.Chat.NextAsync();
            Assert.True(message.Seq > lastSeq);
            Assert.Equal("Ada", message.AuthorName);
            lastSeq = message.Seq;
            received.Add(message.Text);
        }
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"message {i}"), received);
    }

    [Fact]
    public async Task Late_joiner_gets_the_chat_history()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        await ada.SendChatAsync("first");
        await ada.SendChatAsync("second");

        await using var late = await RoomClient.JoinAsync(_factory, roomId, "Late");

        Assert.Equal(["first", "second"], late.Join!.Chat.Select(m => m.Text));
    }

    [Fact]
    public async Task The_eleventh_message_within_ten_seconds_is_refused_with_a_clear_error()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        for (var i = 0; i < 10; i++) await ada.SendChatAsync($"m{i}");

        var error = await Assert.ThrowsAsync<HubException>(() => ada.SendChatAsync("one too many"));

        Assert.Contains("at most 10 messages per 10 s", error.Message);
        Assert.Equal(10, (await _factory.Rooms.FindAsync(roomId))!.Snapshot.Chat.Count);
    }

    [Fact]
    public async Task Chat_before_joining_is_refused()
    {
        await using var client = await RoomClient.ConnectAsync(_factory);
        var error = await Assert.ThrowsAsync<HubException>(() => client.SendChatAsync("hi"));
        Assert.EndsWith("Join a room first.", error.Message);
    }

    [Theory]
    [InlineData("", "cannot be empty")]
    [InlineData("   ", "cannot be empty")]
    public async Task Empty_chat_messages_are_refused(string text, string expected)
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        var error = await Assert.ThrowsAsync<HubException>(() => ada.SendChatAsync(text));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_2000_character_message_is_accepted_and_2001_is_refused()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");

        await ada.SendChatAsync(new string('x', 2000));
        var error = await Assert.ThrowsAsync<HubException>(() => ada.SendChatAsync(new string('x', 2001)));

        Assert.Contains("at most 2,000 characters", error.Message);
        Assert.Equal(2000, (await ada.Chat.NextAsync()).Text.Length);
    }
}
