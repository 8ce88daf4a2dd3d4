using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// Room creation per client (ASP.NET Core's rate limiting middleware, policy <see cref="Policy"/>): the home form's
/// <c>POST /rooms</c> and the integration API's room and exam-room creation share one fixed window of
/// <see cref="RoomOptions.CreationsPerClientPerHour"/> per client. A client is the API token's user, else the remote
/// address (which <c>UseForwardedHeaders</c> rewrites behind a trusted proxy). Refused with 429, Retry-After and a
/// message that says when to try again.
/// </summary>
public sealed class RoomCreationLimit(IOptions<RoomOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "room-creation";

    public RateLimitPartition<string> GetPartition(HttpContext context) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.CreationsPerClientPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, cancellationToken) =>
    {
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1);
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = $"Too many rooms created: at most {options.Value.CreationsPerClientPerHour} an hour from one client. " +
            $"Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} min.";
        if (rejected.HttpContext.Request.Path.StartsWithSegments("/api")) await response.WriteAsJsonAsync(new { error = message }, cancellationToken);
        else await response.WriteAsync(message, cancellationToken);
    };

    private static string ClientOf(HttpContext context) =>
        context.User.FindFirst("userId")?.Value is { } user ? "user:" + user : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
