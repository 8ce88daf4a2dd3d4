using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Features.Watch;

/// <summary>
/// Watch-together settings, section <c>Watch</c> (environment: <c>INTERVIEW_Watch__OEmbedUrl</c>, …). Production uses
/// YouTube itself; the browser tests point both URLs at local fakes (tests/e2e/support/watch-fixtures.mjs).
/// </summary>
public sealed class WatchOptions
{
    public const string Section = "Watch";

    /// <summary>YouTube's oEmbed endpoint, asked for a video's title, author and thumbnail. Default <c>https://www.youtube.com/oembed</c>.</summary>
    [Required, Url]
    public string OEmbedUrl { get; set; } = "https://www.youtube.com/oembed";

    /// <summary>How long to wait for oEmbed before falling back to a plain title. Default 2,000 ms.</summary>
    [Range(50, 30_000)]
    public int OEmbedTimeoutMs { get; set; } = 2_000;

    /// <summary>How long an oEmbed answer (or a failure) is remembered. Default 1 h; failures are retried after a minute.</summary>
    [Range(0, 7 * 24 * 3600)]
    public int OEmbedCacheSeconds { get; set; } = 3600;

    /// <summary>The YouTube IFrame Player API script the browsers load. Default <c>https://www.youtube.com/iframe_api</c>.</summary>
    [Required]
    public string YouTubeIframeApiUrl { get; set; } = "https://www.youtube.com/iframe_api";
}
