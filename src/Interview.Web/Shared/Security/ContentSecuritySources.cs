namespace Interview.Web.Shared.Security;

/// <summary>The directives of the Content-Security-Policy that features may extend with the origins they load from.</summary>
public enum CspDirective
{
    /// <summary><c>script-src</c>: scripts the page loads (the YouTube IFrame API).</summary>
    ScriptSrc,
    /// <summary><c>frame-src</c>: pages the app shows in frames (YouTube's player).</summary>
    FrameSrc,
    /// <summary><c>img-src</c>: images beyond https: ones (thumbnails from a plain-http oEmbed server).</summary>
    ImgSrc,
}

/// <summary>
/// Sources features add to the base policy (<see cref="ContentSecurityPolicy"/>), configured like options:
/// <c>services.AddOptions&lt;ContentSecuritySources&gt;().Configure(…)</c>.
/// </summary>
public sealed class ContentSecuritySources
{
    private readonly Dictionary<CspDirective, SortedSet<string>> _sources = [];

    /// <summary>Adds the origin (scheme://host[:port]) of an absolute http(s) URL; ignores relative URLs, which <c>'self'</c> covers.</summary>
    public void AddOriginOf(CspDirective directive, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return;
        if (!_sources.TryGetValue(directive, out var set)) _sources[directive] = set = new SortedSet<string>(StringComparer.Ordinal);
        set.Add(uri.GetLeftPart(UriPartial.Authority));
    }

    public IEnumerable<string> For(CspDirective directive) => _sources.GetValueOrDefault(directive) ?? [];
}
