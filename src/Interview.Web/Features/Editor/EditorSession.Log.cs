namespace Interview.Web.Features.Editor;

internal sealed partial class EditorSession
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Room {RoomId}: document loaded ({Updates} updates after the snapshot, ~{Bytes} bytes)", EventName = "DocumentLoaded")]
        public static partial void Loaded(ILogger logger, string roomId, int updates, long bytes);

        [LoggerMessage(2, LogLevel.Debug, "Room {RoomId}: document unloaded", EventName = "DocumentUnloaded")]
        public static partial void Unloaded(ILogger logger, string roomId);

        [LoggerMessage(3, LogLevel.Warning, "Room {RoomId}: malformed editor frame from {ConnectionId}: {Detail}", EventName = "MalformedFrame")]
        public static partial void MalformedFrame(ILogger logger, string roomId, string connectionId, string detail);

        [LoggerMessage(4, LogLevel.Warning, "Room {RoomId}: document limit reached (~{Bytes} bytes, update of {UpdateBytes} refused)", EventName = "DocumentFull")]
        public static partial void DocumentFull(ILogger logger, string roomId, long bytes, int updateBytes);

        [LoggerMessage(5, LogLevel.Error, "Room {RoomId}: an update decoded but failed to apply; reloading the stored document", EventName = "ApplyFailed")]
        public static partial void ApplyFailed(ILogger logger, string roomId, Exception exception);

        [LoggerMessage(6, LogLevel.Error, "Room {RoomId}: appending an update failed", EventName = "AppendFailed")]
        public static partial void AppendFailed(ILogger logger, string roomId, Exception exception);

        [LoggerMessage(7, LogLevel.Error, "Room {RoomId}: writing a snapshot failed", EventName = "SnapshotFailed")]
        public static partial void SnapshotFailed(ILogger logger, string roomId, Exception exception);

        [LoggerMessage(8, LogLevel.Debug, "Room {RoomId}: compacted through update {Seq} ({Updates} updates → {Bytes} bytes)", EventName = "Compacted")]
        public static partial void Compacted(ILogger logger, string roomId, long seq, int updates, int bytes);

        [LoggerMessage(9, LogLevel.Warning, "Room {RoomId}: stored update {Seq} is malformed and was skipped: {Detail}", EventName = "StoredUpdateSkipped")]
        public static partial void StoredUpdateSkipped(ILogger logger, string roomId, long seq, string detail);

        [LoggerMessage(10, LogLevel.Debug, "Room {RoomId}: history folded into its base through update {Seq} ({Updates} updates)", EventName = "HistoryFolded")]
        public static partial void HistoryFolded(ILogger logger, string roomId, long seq, long updates);

        [LoggerMessage(11, LogLevel.Error, "Room {RoomId}: folding the history failed", EventName = "HistoryFoldFailed")]
        public static partial void HistoryFoldFailed(ILogger logger, string roomId, Exception exception);

        [LoggerMessage(12, LogLevel.Warning, "Room {RoomId}: awareness entries from {ConnectionId} refused: {Reason}", EventName = "AwarenessRefused")]
        public static partial void AwarenessRefused(ILogger logger, string roomId, string connectionId, string reason);
    }
}
