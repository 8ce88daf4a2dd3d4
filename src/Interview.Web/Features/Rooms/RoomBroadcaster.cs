using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>Sends room events to the hub connections in a room's group.</summary>
public interface IRoomBroadcaster
{
    IRoomClient Group(string roomId);

    /// <summary>One connection (lobby, mute and removal notices).</summary>
    IRoomClient Connection(string connectionId);

    /// <summary>Takes a connection out of the room's group, so it receives nothing more of the room.</summary>
    Task ExpelAsync(string roomId, string connectionId);
}

internal sealed class HubRoomBroadcaster(IHubContext<RoomHub, IRoomClient> hub) : IRoomBroadcaster
{
    public IRoomClient Group(string roomId) => hub.Clients.Group(RoomHub.GroupName(roomId));

    public IRoomClient Connection(string connectionId) => hub.Clients.Client(connectionId);

    public async Task ExpelAsync(string roomId, string connectionId)
    {
        await hub.Groups.RemoveFromGroupAsync(connectionId, RoomHub.GroupName(roomId));
        await hub.Groups.RemoveFromGroupAsync(connectionId, Editor.HubEditorBroadcaster.GroupName(roomId));
    }
}
