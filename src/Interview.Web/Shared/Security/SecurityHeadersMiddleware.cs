using Interview.Web.Shared.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Interview.Web.Shared.Security;

/// <summary>
/// Puts the Content-Security-Policy, <c>X-Content-Type-Options: nosniff</c> and the Referrer-Policy on every
/// response, error pages included (set when the response starts, after any handler cleared the headers).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<ContentSecuritySources> sources, IOptions<HostingOptions> hosting)
{
    /// <summary>
    /// Other sites learn the app's origin at most, never a path or query (invite tokens travel in links). Not
    /// <c>no-referrer</c> or <c>same-origin</c>: YouTube's embedded player refuses some videos when it is not told
    /// the embedding origin.
    /// </summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    private const string ReferrerPolicyHeader = "Referrer-Policy";

    private readonly string _policy = ContentSecurityPolicy.Build(sources.Value, hosting.Value.FrameAncestors);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = _policy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[ReferrerPolicyHeader] = ReferrerPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
