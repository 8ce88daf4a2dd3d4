using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Interview.Web.Features.Watch;

/// <summary>How a video is played. Travels by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VideoKind>))]
public enum VideoKind
{
    /// <summary>A YouTube video, played with the YouTube IFrame Player API.</summary>
    YouTube = 0,
    /// <summary>A video file (MP4, WebM, …) played in a <c>&lt;video&gt;</c> element.</summary>
    Direct = 1,
}

/// <summary>Who may play, pause, seek, load and change the queue. Travels by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WatchControl>))]
public enum WatchControl
{
    /// <summary>Every participant (the default).</summary>
    Everyone = 0,
    /// <summary>Only the room's interviewers (the creator among them).</summary>
    Hosts = 1,
}

/// <summary>
/// One video, current or queued. <paramref name="Id"/> is unique in the room; <paramref name="Url"/> is what the
/// player loads (a canonical watch URL for YouTube). <paramref name="DurationSeconds"/> comes from the oEmbed
/// answer when it has one, else from the first browser whose player learned it.
/// </summary>
public sealed record VideoItem(
    string Id,
    VideoKind Kind,
    string Url,
    string? YouTubeId,
    string Title,
    string? Author,
    string? ThumbnailUrl,
    double? DurationSeconds,
    double StartSeconds,
    string AddedBy);

/// <summary>
/// The authoritative playback state. While <paramref name="Playing"/>, the expected position at server time
/// <c>now</c> (Unix ms) is <c>Position + (now − UpdatedAt) / 1000 × Rate</c>; paused, it is <paramref name="Position"/>.
/// <paramref name="Version"/> grows with every change, so clients ignore stale states.
/// </summary>
public sealed record PlaybackState(VideoItem? Video, bool Playing, double Position, long UpdatedAt, double Rate, long Version)
{
    public static readonly PlaybackState Empty = new(null, false, 0, 0, 1, 0);

    /// <summary>The expected position (seconds) at server time <paramref name="nowMs"/>, not beyond a known duration.</summary>
    public double PositionAt(long nowMs)
    {
        if (!Playing) return Position;
        var position = Position + Math.Max(0, nowMs - UpdatedAt) / 1000.0 * Rate;
        return Video?.DurationSeconds is { } duration ? Math.Min(position, duration) : position;
    }
}

/// <summary>A participant whose player is waiting for data.</summary>
public sealed record WatchBuffering(string ParticipantId, string DisplayName);

/// <summary>
/// Everything a browser needs to play along: playback, queue, the control setting (with the participants allowed
/// to control when it is <see cref="WatchControl.Hosts"/>) and who is buffering. Sent on every change and on request.
/// </summary>
public sealed record WatchState(
    PlaybackState Playback,
    ImmutableList<VideoItem> Queue,
    WatchControl Control,
    ImmutableArray<string> Controllers,
    ImmutableArray<WatchBuffering> Buffering)
{
    public static readonly WatchState Empty = new(PlaybackState.Empty, [], WatchControl.Everyone, [], []);

    /// <summary>Most videos waiting in a room's queue.</summary>
    public const int MaxQueue = 50;
}

/// <summary>Load a link now (<c>WatchLoad</c>) or append it to the queue (<c>WatchEnqueue</c>).</summary>
public sealed record WatchUrlRequest(string Url);

/// <summary>Play, pause or seek. <paramref name="Position"/> (seconds) is where the sender's player is; null keeps the server's.</summary>
public sealed record WatchControlRequest(double? Position);

/// <summary>The sender's player learned the duration of video <paramref name="VideoId"/>.</summary>
public sealed record WatchDurationReport(string VideoId, double Seconds);

/// <summary>The server's clock, Unix milliseconds with a fraction, for the browsers' offset estimate.</summary>
public sealed record ServerClock(double ServerMs);
