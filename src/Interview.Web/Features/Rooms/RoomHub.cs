using Interview.Web.Features.Invites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// The room hub (MessagePack): presence and chat today; later features add their methods as partial files.
/// The hub is transient and stateless: the room a connection joined is kept in <see cref="HubCallerContext.Items"/>,
/// and every change goes through the room actor.
/// </summary>
public sealed partial class RoomHub(IRoomRegistry rooms, Cluster.LocalHubConnections connections, ILogger<RoomHub> logger) : Hub<IRoomClient>
{
    public const string Path = "/hubs/room";

    private const string RoomItem = "room";
    private const string ParticipantItem = "participant";
    private const string LobbyItem = "lobby";

    public static string GroupName(string roomId) => "room:" + roomId;

    public async Task<JoinResult> Join(JoinRequest request, [FromServices] IInviteService invites)
    {
        var displayName = RoomValidation.DisplayName(request?.DisplayName);
        RoomValidation.SessionKey(request!.SessionKey);
        if (Context.Items.TryGetValue(RoomItem, out var joined) && joined is IRoom current && current.Id != request.RoomId)
            throw new HubException($"This connection is already in room {current.Id}; open a new connection for another room.");

        if (await rooms.FindAsync(request.RoomId) is not { } room) return new JoinResult(JoinStatus.NotFound, null, null, [], []);

        // The room puts an admitted connection into its group itself, on its loop, before it announces the join: no
        // event after the admission is missed, and a refused or waiting joiner never hears the room.
        var ownerToken = Context.GetHttpContext()?.Request.Cookies[OwnerCookie.Name(room.Id)];
        var invite = request.Invite is { Length: > 0 } token ? await invites.VerifyAsync(token, room.Id, Context.ConnectionAborted) : null;
        var result = await room.JoinAsync(request with { DisplayName = displayName }, Context.ConnectionId, new JoinCredentials(ownerToken, invite));
        if (result.Status == JoinStatus.Joined)
        {
            Context.Items.Remove(LobbyItem);
            Context.Items[RoomItem] = room;
            Context.Items[ParticipantItem] = result.ParticipantId;
            Log.Joined(logger, room.Id, Context.ConnectionId, result.ParticipantId!);
        }
        else if (result.Status == JoinStatus.Waiting)
        {
            // A waiting candidate hears nothing of the room until admitted (then it joins again).
            Context.Items[LobbyItem] = room;
        }
        return result;
    }

    public async Task SendChat(string text)
    {
        var (room, participantId) = Current();
        var result = await room.PostChatAsync(participantId, text);
        if (result.Error is { } error) throw new HubException(error);
    }

    /// <summary>Leaves the room now (no grace period).</summary>
    public async Task Leave()
    {
        if (Context.Items.Remove(LobbyItem, out var lobby) && lobby is IRoom waitingRoom) await waitingRoom.LeaveAsync(Context.ConnectionId);
        if (Context.Items.Remove(RoomItem, out var item) && item is IRoom room)
        {
            Context.Items.Remove(ParticipantItem);
            await room.LeaveAsync(Context.ConnectionId); // the room takes the connection out of its groups
        }
    }

    /// <summary>Ends the room for everyone. Only interviewers may.</summary>
    public async Task EndRoom()
    {
        var (room, participantId) = Current();
        if (!await room.EndAsync(participantId)) throw new HubException("Only interviewers can end the room.");
    }

    /// <summary>
    /// The page is going away (closed or reloading): the participant stays listed as reconnecting for the short
    /// unload grace, so a reload resumes seamlessly and a closed tab leaves within seconds. The connection is out
    /// of the room's groups once this returns: a page that stays open after saying it went hears nothing more.
    /// </summary>
    public async Task PageHidden()
    {
        if (Context.Items.Remove(RoomItem, out var item) && item is IRoom room)
        {
            Context.Items.Remove(ParticipantItem);
            // Out of the room's groups here, on the connection's own node, before the room hears of it: the page
            // closes right after saying so, and hears nothing more of the room from now on.
            await GroupChange.WaitBoundedAsync(Task.WhenAll(
                Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(room.Id)),
                Groups.RemoveFromGroupAsync(Context.ConnectionId, Editor.HubEditorBroadcaster.GroupName(room.Id))));
            await room.ConnectionLostAsync(Context.ConnectionId, ConnectionLoss.PageHidden);
        }
    }

    public override Task OnConnectedAsync()
    {
        connections.Add(Context); // so this node can cut it if its room moves to another node
        return Task.CompletedTask;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        // A connection that drops without Leave or PageHidden gets the full reconnect grace period: a clean
        // WebSocket close and a network failure look alike here.
        if (Context.Items.TryGetValue(RoomItem, out var item) && item is IRoom room)
            await room.ConnectionLostAsync(Context.ConnectionId, ConnectionLoss.Dropped);
        else if (Context.Items.TryGetValue(LobbyItem, out var lobby) && lobby is IRoom waitingRoom)
            await waitingRoom.LeaveAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private (IRoom Room, string ParticipantId) Current() =>
        Context.Items.TryGetValue(RoomItem, out var room) && Context.Items.TryGetValue(ParticipantItem, out var participant)
            ? ((IRoom)room!, (string)participant!)
            : throw new HubException("Join a room first.");
}
