using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Rooms;

public sealed partial class RoomHubTests
{
    [Fact]
    public async Task Leave_removes_the_participant_at_once()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await RoomClient.JoinAsync(_factory, roomId, "Grace");

        await grace.Connection.InvokeAsync(nameof(RoomHub.Leave));

        Assert.Equal(grace.Join!.ParticipantId, await ada.Left.NextAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_dropped_participant_shows_as_reconnecting_then_leaves_after_the_grace_period()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        var grace = await RoomClient.JoinAsync(_factory, roomId, "Grace");
        var graceId = grace.Join!.ParticipantId;

        await grace.DisposeAsync();

        var changed = await ada.Changed.FirstAsync(p => p.Id == graceId);
        Assert.Equal(PresenceState.Reconnecting, changed.Presence);
        Assert.Equal(graceId, await ada.Left.NextAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Coming_back_within_the_grace_period_resumes_the_same_participant()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        var key = RoomClient.NewSessionKey();
        var first = await RoomClient.ConnectAsync(_factory);
        var joined = await first.JoinRoomAsync(roomId, "Grace", key);
        await first.DisposeAsync();
        await ada.Changed.FirstAsync(p => p.Presence == PresenceState.Reconnecting);

        await using var second = await RoomClient.ConnectAsync(_factory);
        var resumed = await second.JoinRoomAsync(roomId, "Grace", key);

        Assert.Equal(joined.ParticipantId, resumed.ParticipantId);
        var back = await ada.Changed.FirstAsync(p => p.Id == joined.ParticipantId && p.Presence == PresenceState.Connected);
        Assert.Equal("Grace", back.DisplayName);
        // The old grace timer must not remove the resumed participant.
        await second.SendChatAsync("still me");
        var message = await ada.Chat.NextAsync();
        Assert.Equal(joined.ParticipantId, message.ParticipantId);
        var room = await _factory.Rooms.FindAsync(roomId);
        Assert.Contains(room!.Snapshot.Participants, p => p.Id == joined.ParticipantId);
    }

    [Fact]
    public async Task Only_an_interviewer_can_end_the_room_and_then_everyone_is_told()
    {
        var created = await _factory.Rooms.CreateAsync("To end", null);
        await using var owner = await RoomClient.JoinAsync(_factory, created.Id, "Owner", cookie: $"{OwnerCookie.Name(created.Id)}={created.OwnerToken}");
        await using var guest = await RoomClient.JoinAsync(_factory, created.Id, "Guest", cookie: $"{OwnerCookie.Name(created.Id)}=forged");

        Assert.True(owner.Join!.Participants.Single(p => p.DisplayName == "Owner").IsOwner);
        Assert.False(guest.Join!.Participants.Single(p => p.DisplayName == "Guest").IsOwner);
        var refused = await Assert.ThrowsAsync<HubException>(() => guest.Connection.InvokeAsync(nameof(RoomHub.EndRoom)));
        Assert.Equal(ParticipantRole.Candidate, guest.Join.Participants.Single(p => p.DisplayName == "Guest").Role);
        Assert.Contains("Only interviewers can end the room", refused.Message);

        await owner.Connection.InvokeAsync(nameof(RoomHub.EndRoom));

        Assert.True(await guest.Ended.NextAsync());
        await using var late = await RoomClient.JoinAsync(_factory, created.Id, "Late");
        Assert.Equal(JoinStatus.Ended, late.Join!.Status);
    }
}
