using Interview.Web.Features.Chat;

namespace Interview.Web.Shared.Persistence;

/// <summary>
/// A room as stored. <see cref="OwnerTokenHash"/> is the SHA-256 of the creator's secret, never the secret.
/// <see cref="RequireInvite"/>, <see cref="Lobby"/> and <see cref="EditorLocked"/> are the room's access settings.
/// </summary>
public sealed record RoomRecord(
    string Id,
    string Title,
    int Capacity,
    string OwnerTokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActiveAt,
    DateTimeOffset? EndedAt,
    bool RequireInvite = false,
    bool Lobby = false,
    bool EditorLocked = false);

/// <summary>Durable room data. Every method commits before it returns.</summary>
public interface IRoomStore
{
    Task CreateRoomAsync(RoomRecord room, CancellationToken cancellationToken = default);
    Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken = default);
    Task MarkEndedAsync(string roomId, DateTimeOffset endedAt, CancellationToken cancellationToken = default);
    Task TouchAsync(string roomId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Stores the room's changeable settings (lobby, editor lock).</summary>
    Task SaveSettingsAsync(string roomId, bool lobby, bool editorLocked, CancellationToken cancellationToken = default);

    /// <summary>Appends a chat message and returns it with its sequence number in the room.</summary>
    Task<ChatMessage> AppendChatAsync(string roomId, ChatDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> messages of a room, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> GetRecentChatAsync(string roomId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Rooms whose last activity is older than <paramref name="idleSince"/>.</summary>
    Task<IReadOnlyList<string>> FindIdleRoomsAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default);

    /// <summary>Removes a room and everything stored for it.</summary>
    Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken = default);
}
