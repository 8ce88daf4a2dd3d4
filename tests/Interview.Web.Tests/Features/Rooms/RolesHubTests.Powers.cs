using Interview.Web.Features.Notes;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary>Interviewer powers: each is refused for candidates and observers, and works for interviewers.</summary>
public sealed partial class RolesHubTests
{
    /// <summary>A room with an interviewer (the creator), a candidate and an observer, all joined.</summary>
    private async Task<(CreatedRoom Room, RoomClient Ivy, RoomClient Cade, RoomClient Olive)> ThreeRolesAsync()
    {
        var room = await NewRoomAsync(requireInvite: true);
        var ivy = await InterviewerAsync(room);
        var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Candidate));
        var olive = await RoomClient.JoinAsync(_factory, room.Id, "Olive", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Observer));
        Assert.All(new[] { ivy, cade, olive }, c => Assert.Equal(JoinStatus.Joined, c.Join!.Status));
        return (room, ivy, cade, olive);
    }

    public static TheoryData<string> ForbiddenCalls => new()
    {
        "lock", "unlock", "lobby", "mute", "remove", "end", "read-notes", "write-notes", "admit", "deny",
        "create-invite", "list-invites", "revoke-invite",
    };

    [Theory]
    [MemberData(nameof(ForbiddenCalls))]
    public async Task Candidates_and_observers_are_refused_every_interviewer_power(string call)
    {
        var (room, ivy, cade, olive) = await ThreeRolesAsync();
        await using var _1 = ivy; await using var _2 = cade; await using var _3 = olive;
        var invite = await _factory.Invites.MintAsync(new(room.Id, ParticipantRole.Candidate));

        foreach (var (caller, target) in new[] { (cade, olive), (olive, cade) })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => Invoke(caller.Connection, call, target.Id, invite.Id));
            Assert.Contains("Only interviewers", refused.Message);
        }

        // Nothing changed: the room still runs, unlocked, everyone present, the invite valid, no notes written.
        var snapshot = (await _factory.Rooms.FindAsync(room.Id))!.Snapshot;
        Assert.False(snapshot.Room.Ended);
        Assert.False(snapshot.Room.EditorLocked);
        Assert.False(snapshot.Room.Lobby);
        Assert.Equal(3, snapshot.Participants.Length);
        Assert.True((await _factory.Invites.VerifyAsync(invite.Token, room.Id)).IsValid);
        Assert.Equal("", (await ivy.Connection.InvokeAsync<InterviewerNotes>(nameof(RoomHub.GetInterviewerNotes))).Notes);
        Assert.Equal(0, cade.Muted.Count + olive.Muted.Count);
    }

    private static Task Invoke(HubConnection connection, string call, string targetId, string inviteId) => call switch
    {
        "lock" => connection.InvokeAsync(nameof(RoomHub.ChangeRoomSettings), new RoomSettingsRequest(EditorLocked: true)),
        "unlock" => connection.InvokeAsync(nameof(RoomHub.ChangeRoomSettings), new RoomSettingsRequest(EditorLocked: false)),
        "lobby" => connection.InvokeAsync(nameof(RoomHub.ChangeRoomSettings), new RoomSettingsRequest(Lobby: true)),
        "mute" => connection.InvokeAsync(nameof(RoomHub.MuteParticipant), targetId),
        "remove" => connection.InvokeAsync(nameof(RoomHub.RemoveParticipant), targetId),
        "end" => connection.InvokeAsync(nameof(RoomHub.EndRoom)),
        "read-notes" => connection.InvokeAsync<InterviewerNotes>(nameof(RoomHub.GetInterviewerNotes)),
        "write-notes" => connection.InvokeAsync<InterviewerNotes>(nameof(RoomHub.SaveInterviewerNotes), new InterviewerNotesInput("mine now", null)),
        "admit" => connection.InvokeAsync(nameof(RoomHub.Admit), targetId),
        "deny" => connection.InvokeAsync(nameof(RoomHub.Deny), targetId),
        "create-invite" => connection.InvokeAsync<InviteView>(nameof(RoomHub.CreateInvite), new CreateInviteRequest(ParticipantRole.Interviewer)),
        "list-invites" => connection.InvokeAsync<InviteView[]>(nameof(RoomHub.ListInvites)),
        "revoke-invite" => connection.InvokeAsync(nameof(RoomHub.RevokeInvite), inviteId),
        _ => throw new ArgumentOutOfRangeException(nameof(call)),
    };

    [Fact]
    public async Task A_locked_editor_refuses_changes_from_candidates_and_observers_but_not_from_interviewers()
    {
        var (room, ivy, cade, olive) = await ThreeRolesAsync();
        await using var ivyPeer = await CrdtPeer.AttachAsync(ivy);
        await using var cadePeer = await CrdtPeer.AttachAsync(cade);
        await using var olivePeer = await CrdtPeer.AttachAsync(olive);

        // Observers never edit; candidates do while the editor is open.
        await Assert.ThrowsAsync<HubException>(() => olivePeer.EditAsync(t => t.Insert(0, "observer ")));
        await cadePeer.EditAsync(t => t.Insert(0, "candidate "));

        await ivy.Connection.InvokeAsync(nameof(RoomHub.ChangeRoomSettings), new RoomSettingsRequest(EditorLocked: true));
        Assert.True((await cade.Settings.FirstAsync(r => r.EditorLocked)).EditorLocked);
        var refused = await Assert.ThrowsAsync<HubException>(() => cadePeer.EditAsync(t => t.Insert(0, "sneaky ")));
        Assert.Contains("locked", refused.Message);
        var actor = (await _factory.Rooms.FindAsync(room.Id))!;
        Assert.Contains("locked", await actor.SetLanguageAsync(cade.Id, "python"));
        Assert.Contains("Observers", await actor.SetLanguageAsync(olive.Id, "python"));
        await ivyPeer.EditAsync(t => t.Insert(0, "interviewer "));
        // A read-only peer still syncs: a fresh candidate's empty step 2 is not a change.
        await using var late = await CrdtPeer.AttachAsync(
            await RoomClient.JoinAsync(_factory, room.Id, "Late", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Candidate)));

        // (A new document starts with the language's template, after what was typed at position 0.)
        var (text, _) = await actor.ReadEditorAsync();
        Assert.StartsWith("interviewer candidate ", text);
        Assert.DoesNotContain("sneaky", text);
        Assert.DoesNotContain("observer", text);

        await ivy.Connection.InvokeAsync(nameof(RoomHub.ChangeRoomSettings), new RoomSettingsRequest(EditorLocked: false));
        await cade.Settings.FirstAsync(r => !r.EditorLocked);
        // (Cade's own copy still holds the refused change, on which new edits depend: the browser starts over from the
        // server's state after a refusal. A candidate in sync edits again at once.)
        await late.EditAsync(t => t.Insert(0, "again "));
        Assert.Contains("again", (await actor.ReadEditorAsync()).Text);
    }

    [Fact]
    public async Task An_interviewer_mutes_a_participant_and_only_that_connection_is_told()
    {
        var (_, ivy, cade, olive) = await ThreeRolesAsync();
        await using var _1 = ivy; await using var _2 = cade; await using var _3 = olive;

        await ivy.Connection.InvokeAsync(nameof(RoomHub.MuteParticipant), cade.Id);

        var request = await cade.Muted.NextAsync();
        Assert.Equal(ivy.Id, request.ByParticipantId);
        Assert.Equal("Ivy", request.ByName);
        // Olive hears the chat sent after the mute, but never the mute itself.
        await ivy.SendChatAsync("after the mute");
        await olive.Chat.FirstAsync(m => m.Text == "after the mute");
        Assert.Equal(0, olive.Muted.Count);
    }

    [Fact]
    public async Task A_removed_participant_leaves_and_cannot_rejoin_with_the_same_session()
    {
        var (room, ivy, cade, olive) = await ThreeRolesAsync();
        await using var _1 = ivy; await using var _2 = cade; await using var _3 = olive;

        await ivy.Connection.InvokeAsync(nameof(RoomHub.RemoveParticipant), cade.Id);

        Assert.Contains("removed", (await cade.Removed.NextAsync()).Reason);
        Assert.Equal(cade.Id, await olive.Left.FirstAsync(id => id == cade.Id));
        await Assert.ThrowsAsync<HubException>(() => cade.SendChatAsync("still here?"));
        var again = await cade.JoinRoomAsync(room.Id, "Cade", cade.SessionKey, await _factory.InviteAsync(room.Id, ParticipantRole.Candidate));
        Assert.Equal(JoinStatus.Removed, again.Status);
        // Interviewers cannot be removed.
        await using var ivo = await RoomClient.JoinAsync(_factory, room.Id, "Ivo", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Interviewer));
        var refused = await Assert.ThrowsAsync<HubException>(() => ivo.Connection.InvokeAsync(nameof(RoomHub.RemoveParticipant), ivy.Id));
        Assert.Contains("cannot be removed", refused.Message);
    }

    [Fact]
    public async Task A_removed_named_user_cannot_come_back_with_their_invite_from_a_new_tab()
    {
        var room = await NewRoomAsync(requireInvite: true);
        await using var ivy = await InterviewerAsync(room);
        var token = await _factory.InviteAsync(room.Id, ParticipantRole.Candidate, name: "Cara", userId: "u-42");
        await using var cara = await RoomClient.JoinAsync(_factory, room.Id, "Cara", invite: token);
        await ivy.Connection.InvokeAsync(nameof(RoomHub.RemoveParticipant), cara.Id);

        await using var newTab = await RoomClient.JoinAsync(_factory, room.Id, "Cara", invite: token);
        Assert.Equal(JoinStatus.Removed, newTab.Join!.Status);
    }

    [Fact]
    public async Task Any_interviewer_ends_the_room()
    {
        var (room, ivy, cade, olive) = await ThreeRolesAsync();
        await using var _1 = ivy; await using var _2 = cade; await using var _3 = olive;
        await using var ivo = await RoomClient.JoinAsync(_factory, room.Id, "Ivo", invite: await _factory.InviteAsync(room.Id, ParticipantRole.Interviewer));

        await ivo.Connection.InvokeAsync(nameof(RoomHub.EndRoom));
        Assert.True(await cade.Ended.NextAsync());
    }

    [Fact]
    public async Task Observers_cannot_run_code()
    {
        var (room, ivy, cade, olive) = await ThreeRolesAsync();
        await using var _1 = ivy; await using var _2 = cade; await using var _3 = olive;
        var actor = (await _factory.Rooms.FindAsync(room.Id))!;
        Assert.Contains("Observers cannot run", await actor.StartRunAsync(olive.Id, null));
    }
}
