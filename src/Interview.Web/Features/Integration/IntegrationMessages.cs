namespace Interview.Web.Features.Integration;

/// <summary>POST /api/v1/rooms. An API room requires an invite link unless <see cref="RequireInvite"/> is false.</summary>
public sealed record CreateRoomBody(string? Title, int? Capacity, bool? RequireInvite, bool? Lobby);

public sealed record RoomCreated(string Id, string Title, int Capacity, bool RequireInvite, bool Lobby, string Url);

/// <summary>POST /api/v1/rooms/{id}/invites: an invite for one named user of the outside system.</summary>
public sealed record MintInviteBody(string? UserId, string? DisplayName, string? Role, string? TestId, double? ExpiresInHours);

public sealed record InviteMinted(string Id, string RoomId, string Role, string UserId, string DisplayName, string? TestId, string Url, string Token, DateTimeOffset ExpiresAt);

/// <summary>GET /api/v1/sessions: rooms with someone in them now.</summary>
public sealed record ActiveSession(string RoomId, string Title, bool RequireInvite, bool Lobby, bool EditorLocked, IReadOnlyList<SessionPerson> Participants);

public sealed record SessionPerson(string Id, string DisplayName, string Role, string Presence, DateTimeOffset JoinedAt, string? UserId, string? TestId, bool Waiting);

/// <summary>Every error: <c>{"error": "…"}</c> with a message that says what to fix.</summary>
public sealed record ApiError(string Error);
