using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>Sends room events to the hub connections in a room's group, and manages who is in it.</summary>
public interface IRoomBroadcaster
{
    IRoomClient Group(string roomId);

    /// <summary>One connection (lobby, mute and removal notices).</summary>
    IRoomClient Connection(string connectionId);

    /// <summary>Puts an admitted hub connection into the room's group (the room does it on its loop, before announcing the join).</summary>
    Task AddAsync(string roomId, string connectionId);

    /// <summary>Takes a connection out of the room's groups (room and editor), so it receives nothing more of the room.</summary>
    Task RemoveAsync(string roomId, string connectionId);

    /// <summary>Cuts a connection off the room: out of its groups, and a <c>/yjs</c> socket closed with <paramref name="reason"/>.</summary>
    Task ExpelAsync(string roomId, string connectionId, string reason);
}

/// <summary>
/// The hub's groups for membership and messages (across nodes through the backplane when clustered); <c>/yjs</c>
/// sockets are closed through <paramref name="sockets"/>, which reaches every node attached to the room.
/// </summary>
internal sealed class HubRoomBroadcaster(IHubContext<RoomHub, IRoomClient> hub, Editor.IYjsSocketCloser sockets) : IRoomBroadcaster
{
    public IRoomClient Group(string roomId) => hub.Clients.Group(RoomHub.GroupName(roomId));

    public IRoomClient Connection(string connectionId) => hub.Clients.Client(connectionId);

    public Task AddAsync(string roomId, string connectionId) =>
        GroupChange.WaitBoundedAsync(hub.Groups.AddToGroupAsync(connectionId, RoomHub.GroupName(roomId)));

    public async Task RemoveAsync(string roomId, string connectionId)
    {
        // A socket is in no group; asking the Redis backplane to remove one would wait for an acknowledgement no node
        // sends (it only answers for its own hub connections).
        if (Editor.YjsSockets.IsSocket(connectionId)) return;
        await GroupChange.WaitBoundedAsync(Task.WhenAll(
            hub.Groups.RemoveFromGroupAsync(connectionId, RoomHub.GroupName(roomId)),
            hub.Groups.RemoveFromGroupAsync(connectionId, Editor.HubEditorBroadcaster.GroupName(roomId))));
    }

    public async Task ExpelAsync(string roomId, string connectionId, string reason)
    {
        await RemoveAsync(roomId, connectionId);
        if (Editor.YjsSockets.IsSocket(connectionId)) await sockets.CloseAsync(connectionId, reason);
    }
}

/// <summary>
/// A group change for a connection on another node goes through the backplane and waits for that node's
/// acknowledgement. For a connection that has just gone no node answers, and SignalR's Redis backplane gives up only
/// after 30 s: a room's loop must not wait that long. It waits at most <see cref="Patience"/>; the change goes on by
/// itself (a connection that is gone is in no group anyway).
/// </summary>
internal static class GroupChange
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public static async Task WaitBoundedAsync(Task change)
    {
        try
        {
            await change.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            // Observed later, so a late failure of the change is not an unobserved task exception.
            _ = change.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }
    }
}
