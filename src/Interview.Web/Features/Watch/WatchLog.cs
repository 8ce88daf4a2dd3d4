namespace Interview.Web.Features.Watch;

internal static partial class WatchLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "oEmbed answered {Status} for video {VideoId}; using a plain title")]
    public static partial void OEmbedRefused(ILogger logger, string videoId, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "oEmbed unreachable for video {VideoId} ({Reason}); using a plain title")]
    public static partial void OEmbedFailed(ILogger logger, string videoId, string reason);
}
