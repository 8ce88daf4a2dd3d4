namespace Interview.Web.Features.Rooms.Cluster;

internal static partial class RoomGrainLog
{
    [LoggerMessage(1, LogLevel.Warning, "Room {RoomId}: node {NodeId} did not take the room's state and was detached", EventName = "RoomNodeDropped")]
    public static partial void NodeDropped(ILogger logger, string roomId, string nodeId, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "Room {RoomId} could not be loaded", EventName = "RoomLoadFailed")]
    public static partial void LoadFailed(ILogger logger, string roomId, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Room {RoomId} was reactivated on another node; its connections here rejoin", EventName = "RoomReactivated")]
    public static partial void Reactivated(ILogger logger, string roomId);

    [LoggerMessage(4, LogLevel.Error, "Room {RoomId}: a subscriber on this node failed", EventName = "RoomSubscriberFailed")]
    public static partial void SubscriberFailed(ILogger logger, string roomId, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Room {RoomId} is active on this node", EventName = "RoomActive")]
    public static partial void Active(ILogger logger, string roomId);
}
