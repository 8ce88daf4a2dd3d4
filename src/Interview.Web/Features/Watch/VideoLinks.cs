using System.Globalization;
using System.Text.RegularExpressions;

namespace Interview.Web.Features.Watch;

/// <summary>What a pasted link points at: a YouTube video (by id) or a video file the browser plays itself.</summary>
public sealed record VideoLink(VideoKind Kind, string Url, string? YouTubeId, double StartSeconds);

/// <summary>
/// Parses what people paste into <c>video-url</c>: every common YouTube form (<c>watch?v=</c>, <c>youtu.be/</c>,
/// <c>shorts/</c>, <c>embed/</c>, <c>live/</c>, <c>v/</c>, music and mobile hosts, youtube-nocookie, a playlist link's
/// current video, start offsets as <c>t=</c> / <c>start=</c> in the query or the fragment) and direct http(s) video
/// URLs. Anything else (other schemes such as <c>javascript:</c>, relative links, huge input) gets a message the user
/// can act on.
/// </summary>
public static partial class VideoLinks
{
    public const int MaxLength = 2048;

    private static readonly HashSet<string> YouTubeHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
        "youtube-nocookie.com", "www.youtube-nocookie.com",
    };

    /// <summary>Path prefixes that are followed by the video id (<c>/shorts/ID</c>, …).</summary>
    private static readonly string[] IdPaths = ["/shorts/", "/embed/", "/live/", "/v/", "/e/"];

    public static bool TryParse(string? input, out VideoLink link, out string error)
    {
        link = null!;
        var text = (input ?? "").Trim();
        if (text.Length == 0) { error = "Paste a YouTube link or a link to a video file."; return false; }
        if (text.Length > MaxLength) { error = $"That link is too long (at most {MaxLength} characters)."; return false; }
        if (text.Any(char.IsControl)) { error = "That link contains control characters."; return false; }
        // People paste "youtu.be/…" or "www.youtube.com/…" without a scheme.
        if (!text.Contains("://", StringComparison.Ordinal) && LooksLikeYouTubeHost(text)) text = "https://" + text;

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            error = "That is not a link: paste a full http(s) address.";
            return false;
        }
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            error = $"Links starting with \"{uri.Scheme}:\" cannot be played; use an http(s) link.";
            return false;
        }

        var host = uri.IdnHost;
        if (host.Equals("youtu.be", StringComparison.OrdinalIgnoreCase) || YouTubeHosts.Contains(host))
            return TryYouTube(uri, out link, out error);

        error = "";
        link = new VideoLink(VideoKind.Direct, uri.AbsoluteUri, null, FragmentStart(uri.Fragment));
        return true;
    }

    private static bool TryYouTube(Uri uri, out VideoLink link, out string error)
    {
        link = null!;
        var query = Query(uri.Query);
        var path = uri.AbsolutePath;
        string? id = null;
        if (uri.IdnHost.Equals("youtu.be", StringComparison.OrdinalIgnoreCase))
            id = path.Trim('/').Split('/')[0];
        else if (path.TrimEnd('/').Equals("/watch", StringComparison.OrdinalIgnoreCase) || path.Equals("/", StringComparison.Ordinal))
            id = query.GetValueOrDefault("v");
        else if (IdPaths.FirstOrDefault(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
            id = path[prefix.Length..].Split('/')[0];

        if (id is null or "")
        {
            error = query.ContainsKey("list")
                ? "That is a playlist link without a current video: open a video of the playlist and copy its link."
                : "That YouTube link names no video (expected watch?v=…, youtu.be/…, shorts/… or embed/…).";
            return false;
        }
        if (!VideoId().IsMatch(id))
        {
            error = $"\"{Shorten(id)}\" is not a YouTube video id (11 characters of letters, digits, - and _).";
            return false;
        }

        var start = ParseOffset(query.GetValueOrDefault("t")) ?? ParseOffset(query.GetValueOrDefault("start")) ?? FragmentStart(uri.Fragment);
        error = "";
        link = new VideoLink(VideoKind.YouTube, "https://www.youtube.com/watch?v=" + id, id, start);
        return true;
    }

    /// <summary>A start offset in YouTube's forms: <c>90</c>, <c>90s</c>, <c>1m30s</c>, <c>1h2m3s</c>, <c>01:30</c>.</summary>
    public static double? ParseOffset(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (double.TryParse(value.TrimEnd('s', 'S'), NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
            return double.IsFinite(plain) && plain >= 0 && plain < 1e7 ? plain : null;
        var units = Units().Match(value);
        if (units.Success && units.Length == value.Length && value.Length > 0)
        {
            double Part(string name) => units.Groups[name].Success ? double.Parse(units.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            return Part("h") * 3600 + Part("m") * 60 + Part("s");
        }
        var clock = Clock().Match(value);
        if (clock.Success)
        {
            var parts = value.Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            return parts.Aggregate(0.0, (total, part) => total * 60 + part);
        }
        return null;
    }

    /// <summary>A start offset in the fragment: <c>#t=90</c>, <c>#t=1m30s</c>, or a media fragment <c>#t=90,120</c>.</summary>
    private static double FragmentStart(string fragment)
    {
        var values = Query(fragment.TrimStart('#'));
        return ParseOffset(values.GetValueOrDefault("t")?.Split(',')[0]) ?? 0;
    }

    private static Dictionary<string, string> Query(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(at < 0 ? pair : pair[..at]);
            var value = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
            values.TryAdd(key, value);
        }
        return values;
    }

    private static bool LooksLikeYouTubeHost(string text)
    {
        var host = text.Split('/', 2)[0];
        return host.Equals("youtu.be", StringComparison.OrdinalIgnoreCase) || YouTubeHosts.Contains(host);
    }

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex VideoId();

    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+(?:\.\d+)?)s?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Units();

    [GeneratedRegex(@"^\d{1,3}(:\d{1,2}){1,2}$")]
    private static partial Regex Clock();
}
