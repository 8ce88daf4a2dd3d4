using Interview.Web.Shared.Hosting;
using Microsoft.Extensions.Options;

namespace Interview.Web.Shared.Security;

/// <summary>
/// Refuses hub requests (negotiate and WebSocket upgrade) whose Origin header names another site, so a page on
/// another origin cannot act with a visitor's cookies. Clients that send no Origin (non-browser tools) are allowed.
/// </summary>
internal sealed class OriginCheckMiddleware(RequestDelegate next, IOptions<HostingOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsAllowed(origin, context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Origin not allowed.");
            return;
        }
        await next(context);
    }

    private bool IsAllowed(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return false;
        if (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)) return true;
        return options.Value.AllowedOrigins.Any(allowed =>
            string.Equals(allowed.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
