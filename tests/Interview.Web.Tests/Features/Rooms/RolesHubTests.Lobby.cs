using Interview.Web.Features.Notes;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary>The lobby and the private notes.</summary>
public sealed partial class RolesHubTests
{
    [Fact]
    public async Task A_candidate_waits_in_the_lobby_hears_nothing_and_comes_in_when_admitted()
    {
        var room = await NewRoomAsync(lobby: true);
        await using var ivy = await InterviewerAsync(room);
        await using var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade");

        Assert.Equal(JoinStatus.Waiting, cade.Join!.Status);
        var waitingId = cade.Join.ParticipantId!;
        var lobby = await ivy.Lobby.FirstAsync(w => w.Count == 1);
        Assert.Equal("Cade", lobby[0].DisplayName);
        var actor = (await _factory.Rooms.FindAsync(room.Id))!;
        Assert.Equal(["Ivy"], actor.Snapshot.Participants.Select(p => p.DisplayName));
        Assert.Equal(["Cade"], actor.Snapshot.Lobby.Select(p => p.DisplayName));
        // While waiting: no chat in, none out, no editor.
        await ivy.SendChatAsync("secret before admission");
        await Assert.ThrowsAsync<HubException>(() => cade.SendChatAsync("let me in"));
        await Assert.ThrowsAsync<HubException>(() => cade.Connection.InvokeAsync<byte[][]>("EditorSync", new byte[] { 0, 0, 1, 0 }));
        // A candidate cannot admit themselves.
        await Assert.ThrowsAsync<HubException>(() => cade.Connection.InvokeAsync(nameof(RoomHub.Admit), waitingId));

        await ivy.Connection.InvokeAsync(nameof(RoomHub.Admit), waitingId);
        Assert.True(await cade.Admitted.NextAsync());
        var joined = await cade.JoinRoomAsync(room.Id, "Cade", cade.SessionKey);
        Assert.Equal(JoinStatus.Joined, joined.Status);
        Assert.Equal(waitingId, joined.ParticipantId);
        Assert.Equal(0, cade.Chat.Count);
        await cade.SendChatAsync("thanks");
        await ivy.Chat.FirstAsync(m => m.Text == "thanks");
    }

    [Fact]
    public async Task An_admitted_candidate_who_comes_back_after_leaving_skips_the_lobby()
    {
        var room = await NewRoomAsync(lobby: true);
        await using var ivy = await InterviewerAsync(room);
        var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade");
        await ivy.Connection.InvokeAsync(nameof(RoomHub.Admit), cade.Join!.ParticipantId);
        await cade.Admitted.NextAsync();
        Assert.Equal(JoinStatus.Joined, (await cade.JoinRoomAsync(room.Id, "Cade", cade.SessionKey)).Status);
        var key = cade.SessionKey;
        await cade.DisposeAsync();
        await ivy.Left.FirstAsync(id => id == cade.Join!.ParticipantId, TimeSpan.FromSeconds(30)); // reconnect grace (1 s) over

        await using var back = await RoomClient.ConnectAsync(_factory);
        Assert.Equal(JoinStatus.Joined, (await back.JoinRoomAsync(room.Id, "Cade", key)).Status);
        // A new session of someone else still waits.
        await using var other = await RoomClient.JoinAsync(_factory, room.Id, "Other");
        Assert.Equal(JoinStatus.Waiting, other.Join!.Status);
    }

    [Fact]
    public async Task Interviewers_and_observers_skip_the_lobby()
    {
        var room = await NewRoomAsync(requireInvite: true, lobby: true);
        await using var ivo = await RoomClient.JoinAsync(_factory, room.Id, "Ivo", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Interviewer));
        await using var olive = await RoomClient.JoinAsync(_factory, room.Id, "Olive", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Observer));
        Assert.Equal(JoinStatus.Joined, ivo.Join!.Status);
        Assert.Equal(JoinStatus.Joined, olive.Join!.Status);
    }

    [Fact]
    public async Task A_denied_candidate_is_told_and_cannot_ask_again_with_the_same_session()
    {
        var room = await NewRoomAsync(lobby: true);
        await using var ivy = await InterviewerAsync(room);
        await using var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade");

        await ivy.Connection.InvokeAsync(nameof(RoomHub.Deny), cade.Join!.ParticipantId);
        Assert.Contains("did not let you in", (await cade.Removed.NextAsync()).Reason);
        Assert.Equal(JoinStatus.Removed, (await cade.JoinRoomAsync(room.Id, "Cade", cade.SessionKey)).Status);
        Assert.Empty((await _factory.Rooms.FindAsync(room.Id))!.Snapshot.Lobby);
    }

    [Fact]
    public async Task Switching_the_lobby_off_lets_everyone_waiting_in()
    {
        var room = await NewRoomAsync(lobby: true);
        await using var ivy = await InterviewerAsync(room);
        await using var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade");
        Assert.Equal(JoinStatus.Waiting, cade.Join!.Status);

        await ivy.Connection.InvokeAsync(nameof(RoomHub.ChangeRoomSettings), new RoomSettingsRequest(Lobby: false));
        Assert.True(await cade.Admitted.NextAsync());
        Assert.Contains((await _factory.Rooms.FindAsync(room.Id))!.Snapshot.Participants, p => p.DisplayName == "Cade");
    }

    [Fact]
    public async Task A_waiting_candidate_who_disconnects_leaves_the_lobby()
    {
        var room = await NewRoomAsync(lobby: true);
        await using var ivy = await InterviewerAsync(room);
        var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade");
        await ivy.Lobby.FirstAsync(w => w.Count == 1);

        await cade.DisposeAsync();
        await ivy.Lobby.FirstAsync(w => w.Count == 0);
    }

    [Fact]
    public async Task Interviewers_share_private_notes_and_a_scorecard_that_persist_and_never_reach_others()
    {
        var (room, ivy, cade, olive) = await ThreeRolesAsync();
        await using var _1 = ivy; await using var _2 = cade; await using var _3 = olive;
        await using var ivo = await RoomClient.JoinAsync(_factory, room.Id, "Ivo", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Interviewer));
        const string marker = "PRIVATE-MARKER-7f3a";
        var card = new Scorecard([new("Problem solving", 4), new("Communication", 5)], "Strong hire " + marker);

        var saved = await ivy.Connection.InvokeAsync<InterviewerNotes>(nameof(RoomHub.SaveInterviewerNotes), new InterviewerNotesInput("notes " + marker, card));
        Assert.Equal("Ivy", saved.UpdatedBy);

        var read = await ivo.Connection.InvokeAsync<InterviewerNotes>(nameof(RoomHub.GetInterviewerNotes));
        Assert.Equal("notes " + marker, read.Notes);
        Assert.Equal([4, 5], read.Scorecard.Criteria.Select(c => c.Rating));
        Assert.Equal("Strong hire " + marker, read.Scorecard.Summary);

        foreach (var other in new[] { cade, olive })
            await Assert.ThrowsAsync<HubException>(() => other.Connection.InvokeAsync<InterviewerNotes>(nameof(RoomHub.GetInterviewerNotes)));
        // The room's published state (what every component renders from) does not carry them.
        var snapshot = (await _factory.Rooms.FindAsync(room.Id))!.Snapshot;
        Assert.DoesNotContain(marker, System.Text.Json.JsonSerializer.Serialize(snapshot));

        var invalid = await Assert.ThrowsAsync<HubException>(() => ivy.Connection.InvokeAsync<InterviewerNotes>(
            nameof(RoomHub.SaveInterviewerNotes), new InterviewerNotesInput("x", new Scorecard([new("Rated", 9)], ""))));
        Assert.Contains("Ratings", invalid.Message);
        Assert.Equal("notes " + marker, (await ivo.Connection.InvokeAsync<InterviewerNotes>(nameof(RoomHub.GetInterviewerNotes))).Notes);
    }
}
