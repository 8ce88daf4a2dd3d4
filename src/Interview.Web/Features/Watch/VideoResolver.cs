namespace Interview.Web.Features.Watch;

/// <summary>
/// Turns a pasted link into a <see cref="VideoItem"/> (without room id and author, which the room actor sets):
/// parses it, then asks oEmbed about YouTube videos. Runs before the room actor is involved, so the actor's loop
/// never waits on the network.
/// </summary>
public sealed class VideoResolver(OEmbedClient oEmbed)
{
    /// <summary>The video, or an error message for the user.</summary>
    public async Task<(VideoItem? Video, string? Error)> ResolveAsync(string? url, CancellationToken cancellationToken = default)
    {
        if (!VideoLinks.TryParse(url, out var link, out var error)) return (null, error);
        if (link.Kind == VideoKind.Direct)
            return (new VideoItem("", VideoKind.Direct, link.Url, null, FileTitle(link.Url), null, null, null, link.StartSeconds, ""), null);

        var metadata = await oEmbed.GetAsync(link.YouTubeId!, cancellationToken);
        return (new VideoItem("", VideoKind.YouTube, link.Url, link.YouTubeId,
            metadata?.Title ?? "YouTube video " + link.YouTubeId, metadata?.Author, metadata?.ThumbnailUrl,
            metadata?.DurationSeconds, link.StartSeconds, ""), null);
    }

    /// <summary>"https://cdn.example.com/talks/intro.mp4?sig=…" → "intro.mp4" (or the host when the path is empty).</summary>
    private static string FileTitle(string url)
    {
        var uri = new Uri(url);
        var name = Uri.UnescapeDataString(uri.Segments.LastOrDefault()?.Trim('/') ?? "");
        var title = name.Length > 0 ? name : uri.Host;
        return title.Length <= 200 ? title : title[..200];
    }
}
