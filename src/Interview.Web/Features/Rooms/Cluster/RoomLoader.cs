using Interview.Web.Features.Recordings;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>Builds a room's actor from storage, for the room's grain to host.</summary>
internal sealed class RoomLoader(RoomServices services)
{
    /// <summary>The room's actor, or null when no such room exists; <see cref="RoomUnavailableException"/> when storage fails.</summary>
    public async Task<RoomActor?> LoadAsync(string roomId, IRoomBroadcaster broadcaster)
    {
        RoomLoad load;
        try
        {
            if (await services.Store.GetRoomAsync(roomId) is not { } record) return null;
            load = new RoomLoad(
                record,
                await services.Store.GetRecentChatAsync(roomId, services.Chat.HistoryLimit),
                await services.RecordingStore.ListAsync(roomId),
                await services.Store.GetAdmissionsAsync(roomId),
                await services.RunStore.ListAsync(roomId, services.Editor.Options.RunHistory));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException)
        {
            throw new RoomUnavailableException(roomId, e);
        }
        return new RoomActor(load, services, broadcaster);
    }
}
