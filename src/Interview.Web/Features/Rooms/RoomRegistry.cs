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

/// <summary>Creates rooms in storage; finds them as this node's proxies of their grains (<see cref="Cluster.RoomNode"/>).</summary>
internal sealed class RoomRegistry(
    IRoomStore store,
    IOptions<RoomOptions> options,
    TimeProvider time,
    IGrainFactory grains,
    Cluster.RoomNode node) : IRoomRegistry
{
    public IReadOnlyCollection<string> LoadedRoomIds => node.Ids;

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
        RoomTokens.IsRoomId(roomId) ? await node.GetAsync(roomId) : null;

    public async Task DeleteAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await grains.GetGrain<Cluster.IRoomGrain>(roomId).DeleteAsync();
        await node.ForgetAsync(roomId);
    }
}
