namespace Interview.Web.Features.Media;

internal static partial class SignalLog
{
    [LoggerMessage(101, LogLevel.Information, "Signal in room {RoomId} from {From} to {To} refused: not a connected participant of the same room", EventName = "SignalRefused")]
    public static partial void Refused(ILogger logger, string roomId, string from, string to);
}
