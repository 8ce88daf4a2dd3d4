using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Shared.Hosting;

/// <summary>Host-wide settings, section <c>Hosting</c> (environment: <c>INTERVIEW_Hosting__AllowedOrigins__0</c>).</summary>
public sealed class HostingOptions
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
}
