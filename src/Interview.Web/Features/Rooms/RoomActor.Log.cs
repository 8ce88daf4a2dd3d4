namespace Interview.Web.Features.Rooms;

internal sealed partial class RoomActor
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Room {RoomId}: participant {ParticipantId} joined ({Count} present)", EventName = "ParticipantJoined")]
        public static partial void ParticipantJoined(ILogger logger, string roomId, string participantId, int count);

        [LoggerMessage(2, LogLevel.Information, "Room {RoomId}: participant {ParticipantId} left ({Count} present)", EventName = "ParticipantLeft")]
        public static partial void ParticipantLeft(ILogger logger, string roomId, string participantId, int count);

        [LoggerMessage(3, LogLevel.Information, "Room {RoomId} ended by its creator", EventName = "RoomEnded")]
        public static partial void RoomEnded(ILogger logger, string roomId);

        [LoggerMessage(4, LogLevel.Warning, "Room {RoomId}: a snapshot subscriber failed", EventName = "SubscriberFailed")]
        public static partial void SubscriberFailed(ILogger logger, string roomId, Exception exception);
    }
}
