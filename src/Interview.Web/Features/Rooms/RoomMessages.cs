using System.Text.Json.Serialization;
using Interview.Web.Features.Chat;

namespace Interview.Web.Features.Rooms;

/// <summary>Outcome of a join attempt. Travels by name (SignalR's MessagePack writes enums as strings).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JoinStatus>))]
public enum JoinStatus
{
    /// <summary>Joined (or rejoined with the same session key).</summary>
    Joined = 0,
    /// <summary>The room admits no more candidates or observers (interviewers always get in), or its lobby is full.</summary>
    Full = 1,
    /// <summary>The room's creator ended it.</summary>
    Ended = 2,
    /// <summary>No room has that id.</summary>
    NotFound = 3,
    /// <summary>The room admits only holders of a valid invite link, and none was given.</summary>
    InviteRequired = 4,
    /// <summary>The invite given is not valid for this room: tampered, expired, revoked or for another room (see the error).</summary>
    InviteInvalid = 5,
    /// <summary>In the lobby: an interviewer has to admit the participant first (the client is told with <c>LobbyAdmitted</c>).</summary>
    Waiting = 6,
    /// <summary>An interviewer removed (or turned away) this session or its invite; it cannot join this room again.</summary>
    Removed = 7,
    /// <summary>
    /// The named invite is held by someone in the room and no interviewer is present to let a second browser in.
    /// </summary>
    InviteInUse = 8,
}

/// <summary>Presence of one participant. Travels by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PresenceState>))]
public enum PresenceState
{
    /// <summary>Connected now.</summary>
    Connected = 0,
    /// <summary>The connection dropped; the participant is listed until the grace period ends.</summary>
    Reconnecting = 1,
}

/// <summary>
/// Join a room. <paramref name="SessionKey"/> is a secret the browser keeps for the tab (16–64 of [A-Za-z0-9_-]):
/// joining again with it resumes the same participant after a reconnect or reload.
/// </summary>
/// <paramref name="Invite"/> is an invite token (from <c>/r/{id}?invite=…</c> or <c>/i/{token}</c>); the role comes from it.
public sealed record JoinRequest(string RoomId, string DisplayName, string SessionKey, string? Invite = null);

public sealed record JoinResult(
    JoinStatus Status,
    string? ParticipantId,
    RoomView? Room,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<ChatMessage> Chat,
    string? Error = null);

/// <summary>A participant as everyone in the room sees them. <paramref name="IsOwner"/> marks the room's creator.</summary>
public sealed record ParticipantView(string Id, string DisplayName, bool IsOwner, PresenceState Presence, DateTimeOffset JoinedAt, ParticipantRole Role);

/// <summary>
/// The room's public settings. <paramref name="RequireInvite"/>: only invite holders may join;
/// <paramref name="Lobby"/>: candidates wait until an interviewer admits them; <paramref name="EditorLocked"/>:
/// the editor is read-only for candidates.
/// </summary>
public sealed record RoomView(string Id, string Title, int Capacity, bool Ended, bool RequireInvite = false, bool Lobby = false, bool EditorLocked = false);
