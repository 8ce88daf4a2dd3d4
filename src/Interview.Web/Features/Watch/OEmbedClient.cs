using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Watch;

/// <summary>A video's title, author, thumbnail and (when the provider says) duration.</summary>
public sealed record VideoMetadata(string Title, string? Author, string? ThumbnailUrl, double? DurationSeconds);

/// <summary>
/// Asks YouTube's oEmbed endpoint (<see cref="WatchOptions.OEmbedUrl"/>) about a video, with a short timeout and a
/// cache. Offline, slow, 404 (private or removed videos) or malformed answers all yield null, and the caller falls
/// back to a plain title: loading a video never waits on YouTube for long and never fails because of it.
/// </summary>
public sealed class OEmbedClient(HttpClient http, OEmbedCache cache, IOptions<WatchOptions> options, ILogger<OEmbedClient> logger)
{
    private static readonly TimeSpan FailureCacheTime = TimeSpan.FromMinutes(1);

    public async Task<VideoMetadata?> GetAsync(string youTubeId, CancellationToken cancellationToken = default)
    {
        var key = "oembed:" + youTubeId;
        if (cache.Entries.TryGetValue(key, out VideoMetadata? cached)) return cached;

        var settings = options.Value;
        var metadata = await FetchAsync(settings, youTubeId, cancellationToken);
        var lifetime = metadata is null ? FailureCacheTime : TimeSpan.FromSeconds(settings.OEmbedCacheSeconds);
        if (lifetime > TimeSpan.Zero) cache.Entries.Set(key, metadata, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        return metadata;
    }

    private async Task<VideoMetadata?> FetchAsync(WatchOptions settings, string youTubeId, CancellationToken cancellationToken)
    {
        var videoUrl = "https://www.youtube.com/watch?v=" + youTubeId;
        var separator = settings.OEmbedUrl.Contains('?') ? '&' : '?';
        var requestUrl = $"{settings.OEmbedUrl}{separator}url={Uri.EscapeDataString(videoUrl)}&format=json";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.OEmbedTimeoutMs);
        try
        {
            using var response = await http.GetAsync(requestUrl, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                WatchLog.OEmbedRefused(logger, youTubeId, (int)response.StatusCode);
                return null;
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var answer = await JsonSerializer.DeserializeAsync<OEmbedAnswer>(body, cancellationToken: timeout.Token);
            if (answer?.Title is not { Length: > 0 } title) return null;
            return new VideoMetadata(Trim(title, 200), answer.AuthorName is { } author ? Trim(author, 100) : null,
                SafeHttpUrl(answer.ThumbnailUrl), answer.Duration is > 0 and < 1e7 ? answer.Duration : null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            WatchLog.OEmbedFailed(logger, youTubeId, e.GetType().Name);
            return null;
        }
    }

    private static string Trim(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>Only http(s) thumbnails reach the browsers' <c>img</c> elements.</summary>
    private static string? SafeHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && url!.Length <= 2048
            ? uri.AbsoluteUri
            : null;

    private sealed record OEmbedAnswer(
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("author_name")] string? AuthorName,
        [property: JsonPropertyName("thumbnail_url")] string? ThumbnailUrl,
        [property: JsonPropertyName("duration"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] double? Duration);
}

/// <summary>The oEmbed answers of the last hour (at most 10,000 videos), shared by every <see cref="OEmbedClient"/>.</summary>
public sealed class OEmbedCache : IDisposable
{
    public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public void Dispose() => Entries.Dispose();
}
