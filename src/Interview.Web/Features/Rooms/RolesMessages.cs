namespace Interview.Web.Features.Rooms;

/// <summary>Sent to one participant's connection: an interviewer asks its browser to mute the microphone.</summary>
public sealed record MuteRequest(string ByParticipantId, string ByName);

/// <summary>Sent to a removed (or turned-away) participant's connection, which is then out of the room for good.</summary>
public sealed record RemovedNotice(string Reason);

/// <summary>An interviewer's change to the room's settings (lobby on/off, editor lock).</summary>
public sealed record RoomSettingsRequest(bool? Lobby = null, bool? EditorLocked = null);

/// <summary>An interviewer mints an invite link for the room (<see cref="LifetimeHours"/> null: the configured default).</summary>
public sealed record CreateInviteRequest(ParticipantRole Role, double? LifetimeHours = null, string? DisplayName = null);

/// <summary>An invite as interviewers see it in the invite panel; <see cref="Path"/> is <c>/i/{token}</c>.</summary>
public sealed record InviteView(string Id, ParticipantRole Role, string Path, string? DisplayName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Revoked);
