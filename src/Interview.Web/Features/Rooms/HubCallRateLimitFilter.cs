using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// Caps hub calls per connection (all methods together) with a sliding window, so one client cannot flood the room
/// actors. Feature limits (chat: 10 messages per 10 s) sit on top of this, in the features themselves.
/// </summary>
internal sealed class HubCallRateLimitFilter(IOptions<RoomOptions> options) : IHubFilter
{
    private const string LimiterItem = "rate-limiter";

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.HubMethod.IsDefined(typeof(OwnRateLimitAttribute), inherit: false)) return await next(invocationContext);
        var limiter = (RateLimiter)invocationContext.Context.Items[LimiterItem]!;
        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired)
            throw new HubException($"Too many requests: at most {options.Value.HubCallsPer10Seconds} calls per 10 seconds.");
        return await next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        context.Context.Items[LimiterItem] = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.HubCallsPer10Seconds,
            Window = TimeSpan.FromSeconds(10),
            SegmentsPerWindow = 10,
            QueueLimit = 0,
        });
        return next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try { await next(context, exception); }
        finally
        {
            if (context.Context.Items[LimiterItem] is RateLimiter limiter) await limiter.DisposeAsync();
        }
    }
}
