namespace Interview.Web.Shared.Security;

/// <summary>
/// The Content-Security-Policy of every response (docs/security.md, "Content-Security-Policy"). Scripts come only
/// from the app itself and from origins features add (YouTube's player); no inline script and no eval.
/// </summary>
internal static class ContentSecurityPolicy
{
    private sealed record Directive(string Name, string Base, CspDirective? ExtendedBy = null);

    private static readonly Directive[] Directives =
    [
        new("default-src", "'self'"),
        new("script-src", "'self'", CspDirective.ScriptSrc),
        // Monaco writes its theme and layout into <style> elements it creates at run time, and Blazor's
        // reconnect UI does the same: styles cannot run code, scripts stay strict.
        new("style-src", "'self' 'unsafe-inline'"),
        // data: for Monaco's and the stylesheet's small inline images, blob: for object URLs the page made,
        // https: for video thumbnails (YouTube serves them from i.ytimg.com).
        new("img-src", "'self' data: blob: https:", CspDirective.ImgSrc),
        new("font-src", "'self'"),
        // Watch together plays direct http(s) video links from anywhere; recordings play from blob: URLs.
        new("media-src", "'self' blob: http: https:"),
        // 'self' covers the hub's and Blazor's WebSockets (ws/wss to this host); blob: lets the page read back the
        // object URLs it made (a received file, a recording).
        new("connect-src", "'self' blob:"),
        // Monaco's language workers: same-origin scripts, or blob: bootstraps when its files live on another origin.
        new("worker-src", "'self' blob:"),
        new("frame-src", "'self'", CspDirective.FrameSrc),
        new("object-src", "'none'"),
        new("base-uri", "'self'"),
        new("form-action", "'self'"),
    ];

    public static string Build(ContentSecuritySources sources, IReadOnlyCollection<string> frameAncestors)
    {
        var parts = Directives.Select(d =>
            string.Join(' ', new[] { d.Name, d.Base }.Concat(d.ExtendedBy is { } extended ? sources.For(extended) : [])));
        var ancestors = frameAncestors.Count == 0 ? "'none'" : string.Join(' ', frameAncestors.Select(o => o.TrimEnd('/')));
        return string.Join("; ", parts.Append("frame-ancestors " + ancestors));
    }
}
