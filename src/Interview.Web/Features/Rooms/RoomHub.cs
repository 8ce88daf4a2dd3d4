using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// The room hub (MessagePack): presence and chat today; later features add their methods as partial files.
/// The hub is transient and stateless: the room a connection joined is kept in <see cref="HubCallerContext.Items"/>,
/// and every change goes through the room actor.
/// </summary>
public sealed partial class RoomHub(IRoomRegistry rooms, ILogger<RoomHub> logger) : Hub<IRoomClient>
{
    public const string Path = "/hubs/room";

    private const string RoomItem = "room";
    private const string ParticipantItem = "participant";

    public static string GroupName(string roomId) => "room:" + roomId;

    public async Task<JoinResult> Join(JoinRequest request)
    {
        var displayName = RoomValidation.DisplayName(request?.DisplayName);
        RoomValidation.SessionKey(request!.SessionKey);
        if (Context.Items.TryGetValue(RoomItem, out var joined) && joined is IRoom current && current.Id != request.RoomId)
            throw new HubException($"This connection is already in room {current.Id}; open a new connection for another room.");

        if (await rooms.FindAsync(request.RoomId) is not { } room) return new JoinResult(JoinStatus.NotFound, null, null, [], []);

        // Join the group first, so no event between the room's answer and the group membership is missed.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(room.Id));
        var ownerToken = Context.GetHttpContext()?.Request.Cookies[OwnerCookie.Name(room.Id)];
        var result = await room.JoinAsync(request with { DisplayName = displayName }, Context.ConnectionId, ownerToken);
        if (result.Status == JoinStatus.Joined)
        {
            Context.Items[RoomItem] = room;
            Context.Items[ParticipantItem] = result.ParticipantId;
            Log.Joined(logger, room.Id, Context.ConnectionId, result.ParticipantId!);
        }
        else
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(room.Id));
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
        if (Context.Items.Remove(RoomItem, out var item) && item is IRoom room)
        {
            Context.Items.Remove(ParticipantItem);
            await room.LeaveAsync(Context.ConnectionId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(room.Id));
        }
    }

    /// <summary>Ends the room for everyone. Only its creator may.</summary>
    public async Task EndRoom()
    {
        var (room, participantId) = Current();
        if (!await room.EndAsync(participantId)) throw new HubException("Only the room's creator can end it.");
    }

    /// <summary>
    /// The page is going away (closed or reloading): the participant stays listed as reconnecting for the short
    /// unload grace, so a reload resumes seamlessly and a closed tab leaves within seconds.
    /// </summary>
    public async Task PageHidden()
    {
        if (Context.Items.Remove(RoomItem, out var item) && item is IRoom room)
        {
            Context.Items.Remove(ParticipantItem);
            await room.ConnectionLostAsync(Context.ConnectionId, ConnectionLoss.PageHidden);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        // A connection that drops without Leave or PageHidden gets the full reconnect grace period: a clean
        // WebSocket close and a network failure look alike here.
        if (Context.Items.TryGetValue(RoomItem, out var item) && item is IRoom room)
            await room.ConnectionLostAsync(Context.ConnectionId, ConnectionLoss.Dropped);
        await base.OnDisconnectedAsync(exception);
    }

    private (IRoom Room, string ParticipantId) Current() =>
        Context.Items.TryGetValue(RoomItem, out var room) && Context.Items.TryGetValue(ParticipantItem, out var participant)
            ? ((IRoom)room!, (string)participant!)
            : throw new HubException("Join a room first.");
}
