using System.Net.WebSockets;
using Interview.Web.Features.Chat;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary>Groups: joined only once admitted, left on leaving or hiding the page; removal cuts every connection.</summary>
public sealed partial class RoomAccessTests
{
    [Fact]
    public async Task A_page_that_said_it_went_away_but_keeps_its_socket_hears_nothing_more_and_can_still_be_removed()
    {
        var room = await NewRoomAsync();
        await using var ivy = await CrdtPeer.AttachAsync(await InterviewerAsync(room));
        await using var olive = await CrdtPeer.JoinAsync(_factory, room.Id, "Olive");
        await using var cade = await CrdtPeer.JoinAsync(_factory, room.Id, "Cade");

        await cade.Connection.InvokeAsync(nameof(RoomHub.PageHidden));
        await ivy.Client.SendChatAsync("after the page went");
        await ivy.EditAsync(t => t.Insert(0, "edit after the page went\n"));
        await ivy.Client.Connection.InvokeAsync(nameof(RoomHub.RemoveParticipant), cade.Client.Id);
        await ivy.Client.SendChatAsync("after the removal");
        await ivy.EditAsync(t => t.Insert(0, "edit after the removal\n"));
        await olive.Client.Chat.FirstAsync(m => m.Text == "after the removal");
        await Eventually.TrueAsync(() => olive.Text.StartsWith("edit after the removal\n"), "Olive has both edits");

        await MarkerAsync(cade.Client);
        Assert.Equal(0, cade.Client.Chat.Count);
        Assert.DoesNotContain("after", cade.Text);
        Assert.Equal(JoinStatus.Removed, (await cade.Client.JoinRoomAsync(room.Id, "Cade", cade.Client.SessionKey)).Status);
    }

    [Fact]
    public async Task Removal_cuts_every_connection_of_the_participant_hub_tabs_and_yjs_sockets()
    {
        var room = await NewRoomAsync();
        await using var ivy = await InterviewerAsync(room);
        await using var first = await CrdtPeer.JoinAsync(_factory, room.Id, "Cade");
        var tab = await RoomClient.ConnectAsync(_factory);
        Assert.Equal(first.Client.Id, (await tab.JoinRoomAsync(room.Id, "Cade", first.Client.SessionKey)).ParticipantId);
        await using var secondTab = await CrdtPeer.AttachAsync(tab);
        await using var socket = await YjsSocket.ConnectAsync(_factory, room.Id, $"?session={first.Client.SessionKey}");
        await using var olive = await CrdtPeer.JoinAsync(_factory, room.Id, "Olive");

        await ivy.Connection.InvokeAsync(nameof(RoomHub.RemoveParticipant), first.Client.Id);
        Assert.Contains("removed", (await first.Client.Removed.NextAsync()).Reason);
        Assert.Contains("removed", (await secondTab.Client.Removed.NextAsync()).Reason);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, (await socket.ClosedAsync()).Status);

        await ivy.SendChatAsync("after the removal");
        await olive.EditAsync(t => t.Insert(0, "edit after the removal\n"));
        await ivy.Chat.FirstAsync(m => m.Text == "after the removal");
        foreach (var peer in new[] { first, secondTab })
        {
            await MarkerAsync(peer.Client);
            Assert.Equal(0, peer.Client.Chat.Count);
            Assert.DoesNotContain("edit after the removal", peer.Text);
            await Assert.ThrowsAsync<HubException>(() => peer.EditAsync(t => t.Insert(0, "still here?")));
        }
    }

    [Fact]
    public async Task A_joiner_waiting_in_the_lobby_hears_nothing_sent_to_the_room_while_the_room_decides()
    {
        var room = await NewRoomAsync(lobby: true);
        await using var ivy = await InterviewerAsync(room);
        var broadcaster = _factory.Services.GetRequiredService<IRoomBroadcaster>();
        var actor = await ActorAsync(room);
        // Runs on the room's loop while it handles the join, before it answers: anything the room sends its group then
        // reaches the joiner only if the joiner is already in it.
        using var hook = actor.Subscribe(snapshot =>
        {
            if (snapshot.Lobby.Any(p => p.DisplayName == "Cade"))
                broadcaster.Group(room.Id).ChatPosted(new ChatMessage(0, "server", "Room", "while deciding", DateTimeOffset.UtcNow)).GetAwaiter().GetResult();
        });

        await using var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade");

        Assert.Equal(JoinStatus.Waiting, cade.Join!.Status);
        await ivy.Chat.FirstAsync(m => m.Text == "while deciding");
        Assert.Equal(0, cade.Chat.Count); // its join's answer came after the message, so it would be here
    }
}
