using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary>Bans by invite, single-holder named invites, seats for interviewers and the lobby's own cap.</summary>
public sealed partial class RoomAccessTests
{
    [Fact]
    public async Task A_removed_or_turned_away_person_cannot_come_back_with_a_fresh_session_and_the_same_link()
    {
        var room = await NewRoomAsync(requireInvite: true, lobby: true);
        await using var ivy = await InterviewerAsync(room);
        var removedLink = await _factory.InviteAsync(room.Id, ParticipantRole.Observer);
        await using var olive = await RoomClient.JoinAsync(_factory, room.Id, "Olive", invite: removedLink);
        await ivy.Connection.InvokeAsync(nameof(RoomHub.RemoveParticipant), olive.Id);
        var deniedLink = await _factory.InviteAsync(room.Id, ParticipantRole.Candidate);
        await using var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade", invite: deniedLink);
        await ivy.Connection.InvokeAsync(nameof(RoomHub.Deny), cade.Join!.ParticipantId);

        await using var oliveAgain = await RoomClient.JoinAsync(_factory, room.Id, "Olive", invite: removedLink);
        await using var cadeAgain = await RoomClient.JoinAsync(_factory, room.Id, "Cade", invite: deniedLink);
        Assert.Equal(JoinStatus.Removed, oliveAgain.Join!.Status);
        Assert.Equal(JoinStatus.Removed, cadeAgain.Join!.Status);
        Assert.Empty((await ActorAsync(room)).Snapshot.Lobby);
    }

    [Fact]
    public async Task A_second_browser_with_a_named_invite_waits_for_an_interviewer_and_turning_it_away_keeps_the_holder_in()
    {
        var room = await NewRoomAsync(requireInvite: true);
        var link = await _factory.InviteAsync(room.Id, ParticipantRole.Candidate, name: "Cara", userId: "u-7");
        await using var cara = await RoomClient.JoinAsync(_factory, room.Id, "Cara", invite: link);
        Assert.Equal(JoinStatus.Joined, cara.Join!.Status);

        // No interviewer here to decide: refused.
        await using var alone = await RoomClient.JoinAsync(_factory, room.Id, "Cara", invite: link);
        Assert.Equal(JoinStatus.InviteInUse, alone.Join!.Status);

        await using var ivy = await InterviewerAsync(room);
        await using var helper = await RoomClient.JoinAsync(_factory, room.Id, "Helper", invite: link);
        Assert.Equal(JoinStatus.Waiting, helper.Join!.Status);
        Assert.Equal(["Cara"], (await ivy.Lobby.FirstAsync(w => w.Count == 1)).Select(p => p.DisplayName));
        await ivy.Connection.InvokeAsync(nameof(RoomHub.Deny), helper.Join.ParticipantId);

        // The holder is not barred by it: a reconnect with their own session goes on.
        await using var caraAgain = await RoomClient.ConnectAsync(_factory);
        Assert.Equal(cara.Id, (await caraAgain.JoinRoomAsync(room.Id, "Cara", cara.SessionKey, link)).ParticipantId);

        // Admitted by an interviewer, a second browser comes in.
        await using var tablet = await RoomClient.JoinAsync(_factory, room.Id, "Cara", invite: link);
        Assert.Equal(JoinStatus.Waiting, tablet.Join!.Status);
        await ivy.Connection.InvokeAsync(nameof(RoomHub.Admit), tablet.Join.ParticipantId);
        await tablet.Admitted.NextAsync();
        Assert.Equal(JoinStatus.Joined, (await tablet.JoinRoomAsync(room.Id, "Cara", tablet.SessionKey, link)).Status);
    }

    [Fact]
    public async Task Strangers_filling_every_seat_do_not_lock_interviewers_out()
    {
        var room = await NewRoomAsync(capacity: 2);
        await using var one = await RoomClient.JoinAsync(_factory, room.Id, "One");
        await using var two = await RoomClient.JoinAsync(_factory, room.Id, "Two");
        await using var three = await RoomClient.JoinAsync(_factory, room.Id, "Three");
        Assert.Equal(JoinStatus.Full, three.Join!.Status);

        await using var ivy = await InterviewerAsync(room);
        await using var ivo = await RoomClient.JoinAsync(_factory, room.Id, "Ivo", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Interviewer));
        Assert.Equal(JoinStatus.Joined, ivy.Join!.Status);
        Assert.Equal(JoinStatus.Joined, ivo.Join!.Status);
        await using var observer = await RoomClient.JoinAsync(_factory, room.Id, "Olive", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Observer));
        Assert.Equal(JoinStatus.Full, observer.Join!.Status);
    }

    [Fact]
    public async Task The_lobby_takes_no_seats_and_has_its_own_cap()
    {
        var room = await NewRoomAsync(lobby: true, capacity: 2);
        var waiting = new List<RoomClient>();
        try
        {
            for (var i = 0; i < MaxLobby; i++) waiting.Add(await RoomClient.JoinAsync(_factory, room.Id, $"W{i}"));
            Assert.All(waiting, w => Assert.Equal(JoinStatus.Waiting, w.Join!.Status));
            await using var over = await RoomClient.JoinAsync(_factory, room.Id, "Over");
            Assert.Equal(JoinStatus.Full, over.Join!.Status);
            Assert.Contains("lobby", over.Join.Error);

            // The interviewer gets in past a full lobby, and admits up to the room's seats.
            await using var ivy = await InterviewerAsync(room);
            Assert.Equal(JoinStatus.Joined, ivy.Join!.Status);
            await ivy.Connection.InvokeAsync(nameof(RoomHub.Admit), waiting[0].Join!.ParticipantId);
            var full = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
                ivy.Connection.InvokeAsync(nameof(RoomHub.Admit), waiting[1].Join!.ParticipantId));
            Assert.Contains("full", full.Message);
        }
        finally
        {
            foreach (var client in waiting) await client.DisposeAsync();
        }
    }
}
