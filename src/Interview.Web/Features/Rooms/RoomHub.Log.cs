namespace Interview.Web.Features.Rooms;

public sealed partial class RoomHub
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Connection {ConnectionId} joined room {RoomId} as {ParticipantId}", EventName = "Joined")]
        public static partial void Joined(ILogger logger, string roomId, string connectionId, string participantId);
    }
}
