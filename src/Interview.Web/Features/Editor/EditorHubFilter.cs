using Interview.Web.Features.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Editor;

/// <summary>
/// Removes a hub connection's awareness states (its cursors) from the room's document when the connection leaves the
/// room, hides its page or closes, so everyone else stops showing them at once.
/// </summary>
internal sealed class EditorHubFilter : IHubFilter
{
    private static readonly HashSet<string> LeavingMethods = [nameof(RoomHub.Leave), nameof(RoomHub.PageHidden)];

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var room = RoomHub.JoinedRoom(invocationContext.Context);
        var result = await next(invocationContext);
        if (room is not null && LeavingMethods.Contains(invocationContext.HubMethodName))
            await room.EditorPeerGoneAsync(invocationContext.Context.ConnectionId);
        return result;
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        var room = RoomHub.JoinedRoom(context.Context);
        try { await next(context, exception); }
        finally
        {
            EditorRateLimit.Dispose(context.Context);
            if (room is not null) await room.EditorPeerGoneAsync(context.Context.ConnectionId);
        }
    }
}
