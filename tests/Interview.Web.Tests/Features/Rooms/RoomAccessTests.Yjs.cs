using System.Net.WebSockets;
using Interview.Web.Features.Playback;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary><c>/yjs/{roomId}</c> goes through the room's join: lobby, removals, ended rooms, and authorship.</summary>
public sealed partial class RoomAccessTests
{
    [Fact]
    public async Task A_yjs_socket_cannot_edit_a_lobby_room_without_being_admitted()
    {
        var room = await NewRoomAsync(lobby: true);
        await using var ivy = await InterviewerAsync(room);

        Assert.Equal(403, await YjsSocket.RefusalAsync(_factory, room.Id));
        Assert.Equal(403, await YjsSocket.RefusalAsync(_factory, room.Id, $"?session={RoomClient.NewSessionKey()}"));
        var actor = await ActorAsync(room);
        Assert.Equal(["Ivy"], actor.Snapshot.Participants.Select(p => p.DisplayName));
        Assert.Empty(actor.Snapshot.Lobby);

        // Once admitted (over the hub), the same person's session opens the editor over /yjs too.
        await using var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade");
        await ivy.Connection.InvokeAsync(nameof(RoomHub.Admit), cade.Join!.ParticipantId);
        await cade.Admitted.NextAsync();
        await using var socket = await YjsSocket.ConnectAsync(_factory, room.Id, $"?session={cade.SessionKey}");
        Assert.Equal(["Cade", "Ivy"], actor.Snapshot.Participants.Select(p => p.DisplayName).Order());
    }

    [Fact]
    public async Task A_removed_person_cannot_keep_or_reopen_a_yjs_socket_with_the_same_link()
    {
        var room = await NewRoomAsync(requireInvite: true);
        await using var ivy = await InterviewerAsync(room);
        var invite = await _factory.InviteAsync(room.Id, ParticipantRole.Candidate);
        await using var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade", invite: invite);
        await using var socket = await YjsSocket.ConnectAsync(_factory, room.Id, $"?session={cade.SessionKey}&invite={invite}");

        await ivy.Connection.InvokeAsync(nameof(RoomHub.RemoveParticipant), cade.Id);

        var (status, reason) = await socket.ClosedAsync();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("removed", reason);
        Assert.Equal(403, await YjsSocket.RefusalAsync(_factory, room.Id, $"?session={cade.SessionKey}&invite={invite}"));
        Assert.Equal(403, await YjsSocket.RefusalAsync(_factory, room.Id, $"?session={RoomClient.NewSessionKey()}&invite={invite}"));
        Assert.Equal(["Ivy"], (await ActorAsync(room)).Snapshot.Participants.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task A_yjs_socket_of_an_ended_room_is_gone_and_an_invite_only_room_needs_a_link()
    {
        var room = await NewRoomAsync(requireInvite: true);
        Assert.Equal(403, await YjsSocket.RefusalAsync(_factory, room.Id));
        await using var ivy = await InterviewerAsync(room);
        await ivy.Connection.InvokeAsync(nameof(RoomHub.EndRoom));
        Assert.Equal(410, await YjsSocket.RefusalAsync(_factory, room.Id, $"?invite={await _factory.InviteAsync(room.Id, ParticipantRole.Candidate)}"));
    }

    [Fact]
    public async Task Edits_over_yjs_carry_their_participant_as_author()
    {
        var room = await NewRoomAsync();
        await using var ada = await CrdtPeer.JoinAsync(_factory, room.Id, "Ada");
        await using var own = await YjsSocket.ConnectAsync(_factory, room.Id, "?name=Socket%20Sam");
        await using var shared = await YjsSocket.ConnectAsync(_factory, room.Id, $"?session={ada.Client.SessionKey}");
        Assert.Equal(2, (await ActorAsync(room)).Snapshot.Participants.Length); // Ada (hub + socket) and Sam

        await own.EditAsync(t => t.Insert(0, "sam "));
        await Eventually.TrueAsync(() => ada.Text.StartsWith("sam "), "Ada sees Sam's edit");
        await shared.EditAsync(t => t.Insert(0, "ada "));
        await Eventually.TrueAsync(() => ada.Text.Contains("ada "), "Ada's socket edit arrives"); // (that socket reads nothing after its sync)

        var page = await ada.Connection.InvokeAsync<HistoryPageMessage>(nameof(RoomHub.EditorHistory), 0L);
        Assert.Equal(["Socket Sam", "Ada"], page.Steps.Skip(1).Select(s => s.AuthorName));
    }
}
