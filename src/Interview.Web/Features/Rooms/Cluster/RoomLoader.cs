using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Recordings;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>Builds a room's actor from storage, for the room's grain to host.</summary>
internal sealed class RoomLoader(
    IRoomStore store,
    IOptions<RoomOptions> options,
    IOptions<ChatOptions> chatOptions,
    TimeProvider time,
    ILoggerFactory loggers,
    EditorServices editor,
    IRecordingStore recordingStore)
{
    private readonly ILogger _logger = loggers.CreateLogger("Interview.Rooms");

    /// <summary>The room's actor, or null when no such room exists; <see cref="RoomUnavailableException"/> when storage fails.</summary>
    public async Task<RoomActor?> LoadAsync(string roomId, IRoomBroadcaster broadcaster)
    {
        RoomRecord? record;
        IReadOnlyList<ChatMessage> chat;
        IReadOnlyList<RoomRecording> recordings;
        IReadOnlyList<AdmissionDecision> admissions;
        try
        {
            record = await store.GetRoomAsync(roomId);
            if (record is null) return null;
            chat = await store.GetRecentChatAsync(roomId, chatOptions.Value.HistoryLimit);
            recordings = await recordingStore.ListAsync(roomId);
            admissions = await store.GetAdmissionsAsync(roomId);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException)
        {
            throw new RoomUnavailableException(roomId, e);
        }
        return new RoomActor(record, chat, store, broadcaster, options.Value, chatOptions.Value, time, _logger, editor, recordings, recordingStore, admissions);
    }
}
