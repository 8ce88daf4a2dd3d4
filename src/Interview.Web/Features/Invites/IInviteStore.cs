using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Invites;

/// <summary>An invite as stored: its token (so interviewers can copy the link again) and whether it was revoked.</summary>
public sealed record InviteRecord(
    string Id,
    string RoomId,
    ParticipantRole Role,
    string Token,
    string? DisplayName,
    string? UserId,
    string? TestId,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt);

/// <summary>Durable invites. Every method commits before it returns.</summary>
public interface IInviteStore
{
    Task AddAsync(InviteRecord invite, CancellationToken cancellationToken = default);
    Task<InviteRecord?> GetAsync(string inviteId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<InviteRecord>> ListAsync(string roomId, CancellationToken cancellationToken = default);
    Task<int> CountAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>Marks the invite revoked; false when the room has no such invite.</summary>
    Task<bool> RevokeAsync(string roomId, string inviteId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
