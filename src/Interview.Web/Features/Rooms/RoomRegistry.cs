using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Recordings;
using Interview.Web.Shared.Actors;
using Interview.Web.Shared.Persistence;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms;

/// <summary>A room just created, with the secret that proves its creator (set as a cookie, never stored in clear).</summary>
public sealed record CreatedRoom(string Id, string OwnerToken);

/// <summary>How a room admits people: only with an invite link, and whether candidates wait in a lobby.</summary>
public sealed record RoomAccess(bool RequireInvite = false, bool Lobby = false)
{
    public static readonly RoomAccess Open = new();
}

/// <summary>Finds rooms (loading them lazily from storage), creates and removes them.</summary>
public interface IRoomRegistry
{
    Task<CreatedRoom> CreateAsync(string? title, int? capacity, RoomAccess? access = null, CancellationToken cancellationToken = default);

    /// <summary>The room with that id, or null if none exists.</summary>
    Task<IRoom?> FindAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>Unloads the room and deletes its data.</summary>
    Task DeleteAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>Ids of the rooms loaded in memory.</summary>
    IReadOnlyCollection<string> LoadedRoomIds { get; }
}

internal sealed class RoomRegistry(
    IRoomStore store,
    IRoomBroadcaster broadcaster,
    IOptions<RoomOptions> options,
    IOptions<ChatOptions> chatOptions,
    TimeProvider time,
    ILoggerFactory loggers,
    EditorServices editor,
    IRecordingStore recordingStore,
    RecordingFiles recordingFiles) : IRoomRegistry, IAsyncDisposable
{
    private readonly ActorCache<RoomActor> _rooms = new();
    private readonly ILogger _logger = loggers.CreateLogger("Interview.Rooms");

    public IReadOnlyCollection<string> LoadedRoomIds => _rooms.Ids;

    public async Task<CreatedRoom> CreateAsync(string? title, int? capacity, RoomAccess? access = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var cleanTitle = (title ?? "").Trim();
        if (cleanTitle.Length > settings.MaxTitleLength) cleanTitle = cleanTitle[..settings.MaxTitleLength];
        var roomCapacity = Math.Clamp(capacity ?? settings.DefaultCapacity, 1, settings.MaxCapacity);
        var token = RoomTokens.NewSecret();
        var now = time.GetUtcNow();
        access ??= RoomAccess.Open;
        var record = new RoomRecord(RoomTokens.NewRoomId(), cleanTitle, roomCapacity, RoomTokens.Hash(token), now, now, null,
            access.RequireInvite, access.Lobby);
        await store.CreateRoomAsync(record, cancellationToken);
        return new CreatedRoom(record.Id, token);
    }

    public async Task<IRoom?> FindAsync(string roomId, CancellationToken cancellationToken = default) =>
        RoomTokens.IsRoomId(roomId) ? await _rooms.GetAsync(roomId, LoadAsync) : null;

    public async Task DeleteAsync(string roomId, CancellationToken cancellationToken = default)
    {
        if (await _rooms.RemoveAsync(roomId) is { } room) await room.DisposeAsync();
        await store.DeleteRoomAsync(roomId, cancellationToken);
        recordingFiles.DeleteRoom(roomId);
    }

    private async Task<RoomActor?> LoadAsync(string roomId)
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

    public async ValueTask DisposeAsync()
    {
        foreach (var room in await _rooms.LoadedAsync()) await room.DisposeAsync();
    }
}
