using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>Sends room events to the hub connections in a room's group.</summary>
public interface IRoomBroadcaster
{
    IRoomClient Group(string roomId);
}

internal sealed class HubRoomBroadcaster(IHubContext<RoomHub, IRoomClient> hub) : IRoomBroadcaster
{
    public IRoomClient Group(string roomId) => hub.Clients.Group(RoomHub.GroupName(roomId));
}
