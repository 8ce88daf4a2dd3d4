using Interview.Web.Features.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Editor;

/// <summary>Sends editor frames to the hub connections that have the room's document open.</summary>
public interface IEditorBroadcaster
{
    /// <summary>To every hub connection editing the room except <paramref name="exceptConnectionId"/>.</summary>
    Task SendAsync(string roomId, byte[] frame, string? exceptConnectionId);

    /// <summary>Adds a hub connection to the room's editor group.</summary>
    Task AddAsync(string roomId, string connectionId);
}

internal sealed class HubEditorBroadcaster(IHubContext<RoomHub, IRoomClient> hub) : IEditorBroadcaster
{
    public static string GroupName(string roomId) => "editor:" + roomId;

    public Task SendAsync(string roomId, byte[] frame, string? exceptConnectionId) =>
        exceptConnectionId is null
            ? hub.Clients.Group(GroupName(roomId)).EditorFrame(frame)
            : hub.Clients.GroupExcept(GroupName(roomId), [exceptConnectionId]).EditorFrame(frame);

    public Task AddAsync(string roomId, string connectionId) => GroupChange.WaitBoundedAsync(hub.Groups.AddToGroupAsync(connectionId, GroupName(roomId)));
}
