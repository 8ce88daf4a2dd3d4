using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Shared.Hosting;

/// <summary>Host-wide settings, section <c>Hosting</c> (environment: <c>INTERVIEW_Hosting__AllowedOrigins__0</c>).</summary>
public sealed class HostingOptions : IValidatableObject
{
    public const string Section = "Hosting";

    /// <summary>
    /// Origins (scheme://host[:port]) allowed to open hub connections besides the page's own origin.
    /// Browsers always send Origin on WebSocket and cross-site requests; a hub request from any other origin is refused.
    /// Default: none.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Folder holding the browser client bundle (top-level wwwroot). Default: found by walking up from the content root.</summary>
    public string? ClientRoot { get; set; }

    /// <summary>Largest single SignalR message accepted from a client, in bytes. Default 64 KiB.</summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public int MaxHubMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// A hub connection whose transport has taken nothing it was sent for this long (it stopped reading) is
    /// disconnected, and meanwhile its room does not wait for it (<see cref="SlowHubClientGuard{THub}"/>); its client
    /// reconnects and re-syncs. Default 10 s.
    /// </summary>
    [Range(1, 3600)]
    public int SlowClientSeconds { get; set; } = 10;

    /// <summary>
    /// WebSocket keep-alive (hub and <c>/yjs</c>): a ping every this many seconds, and a peer that has not answered
    /// within as long again is dropped. Default 20.
    /// </summary>
    [Range(1, 3600)]
    public int WebSocketKeepAliveSeconds { get; set; } = 20;

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: addresses
    /// (<c>10.0.0.5</c>, <c>::1</c>) or networks (<c>10.0.0.0/8</c>), e.g. <c>INTERVIEW_Hosting__TrustedProxies__0=127.0.0.1</c>.
    /// A request from a listed address is taken to come from the client address and scheme the proxy forwarded (rate
    /// limits key on it; cookies are Secure when the proxy says https). Default: none, and the headers are ignored.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// Origins allowed to show the app in a frame (<c>frame-ancestors</c> of the Content-Security-Policy), e.g.
    /// <c>https://ats.example.com</c>. Default: none (<c>'none'</c>: no site may frame it).
    /// </summary>
    public string[] FrameAncestors { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in TrustedProxies)
            if (!ForwardedHeadersSetup.TryParseProxy(entry, out _, out _))
                yield return new ValidationResult(
                    $"Hosting:TrustedProxies entry \"{entry}\" is neither an IP address nor a network such as 10.0.0.0/8.",
                    [nameof(TrustedProxies)]);
        foreach (var origin in FrameAncestors)
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.PathAndQuery != "/")
                yield return new ValidationResult(
                    $"Hosting:FrameAncestors entry \"{origin}\" is not an origin such as https://ats.example.com.",
                    [nameof(FrameAncestors)]);
    }
}
