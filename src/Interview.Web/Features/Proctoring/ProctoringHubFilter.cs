using Interview.Web.Features.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Proctoring;

/// <summary>An observer's connection that closes stops being a watcher: every stream it watched ends at once.</summary>
internal sealed class ProctoringHubFilter : IHubFilter
{
    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        var watch = RoomHub.Watching(context.Context);
        try { await next(context, exception); }
        finally
        {
            if (watch is not null) await watch.Exam.DetachConnectionAsync(context.Context.ConnectionId);
        }
    }
}
