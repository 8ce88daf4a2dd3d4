using Interview.Web.Features.Chat;

namespace Interview.Web.Features.Rooms;

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

/// <summary>What an interviewer decided about someone: <see cref="Key"/> is a session key's hash for
/// <see cref="AdmissionKind.RemovedSession"/> and <see cref="AdmissionKind.AdmittedSession"/>, an invite id for
/// <see cref="AdmissionKind.RemovedInvite"/>.</summary>
public sealed record AdmissionDecision(AdmissionKind Kind, string Key);

public enum AdmissionKind
{
    /// <summary>Removed or turned away from the lobby: that session cannot join again.</summary>
    RemovedSession,

    /// <summary>The named invite of someone removed: the link admits nobody any more.</summary>
    RemovedInvite,

    /// <summary>Let in from the lobby: that session skips the lobby when it comes back.</summary>
    AdmittedSession,
}

/// <summary>Durable room data. Every method commits before it returns.</summary>
public interface IRoomStore
{
    Task CreateRoomAsync(RoomRecord room, CancellationToken cancellationToken = default);
    Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken = default);
    Task MarkEndedAsync(string roomId, DateTimeOffset endedAt, CancellationToken cancellationToken = default);
    Task TouchAsync(string roomId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Stores the room's changeable settings (lobby, editor lock).</summary>
    Task SaveSettingsAsync(string roomId, bool lobby, bool editorLocked, CancellationToken cancellationToken = default);

    /// <summary>Records an admission decision (recording one twice keeps the first).</summary>
    Task AddAdmissionAsync(string roomId, AdmissionDecision decision, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Every admission decision of a room.</summary>
    Task<IReadOnlyList<AdmissionDecision>> GetAdmissionsAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>Appends a chat message and returns it with its sequence number in the room.</summary>
    Task<ChatMessage> AppendChatAsync(string roomId, ChatDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> messages of a room, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> GetRecentChatAsync(string roomId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Rooms whose last activity is older than <paramref name="idleSince"/>.</summary>
    Task<IReadOnlyList<string>> FindIdleRoomsAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default);

    /// <summary>Removes a room and everything stored for it.</summary>
    Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken = default);
}
