using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>Turns a room that could not be loaded into a clear hub error for the caller (not SignalR's generic one).</summary>
internal sealed class RoomUnavailableFilter(ILogger<RoomUnavailableFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (RoomUnavailableException e)
        {
            logger.LogWarning(e, "{Method}: {Message}", invocationContext.HubMethodName, e.Message);
            throw new HubException(RoomUnavailableException.ClientMessage);
        }
    }
}
