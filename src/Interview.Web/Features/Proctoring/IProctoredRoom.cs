using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Proctoring;

/// <summary>
/// A participant as invigilation sees it. <paramref name="ConnectionId"/> is null while reconnecting;
/// <paramref name="UserId"/>, <paramref name="TestId"/> and <paramref name="InviteId"/> come from the invite the participant joined with.
/// </summary>
public sealed record RoomMember(string ParticipantId, string DisplayName, ParticipantRole Role, PresenceState Presence, string? ConnectionId,
    string? UserId = null, string? TestId = null, string? InviteId = null)
{
    /// <summary>The participants an exam watches: those in the candidate role.</summary>
    public bool IsCandidate => Role == ParticipantRole.Candidate;
}

/// <summary>The room's side of invigilation (implemented by <see cref="RoomInvigilation"/>, on the room's loop).</summary>
public interface IProctoredRoom
{
    /// <summary>The participant, connected or reconnecting; null if not in the room.</summary>
    Task<RoomMember?> MemberAsync(string participantId);

    /// <summary>The participant if <paramref name="connectionId"/> is its current connection; null otherwise.</summary>
    Task<RoomMember?> CurrentMemberAsync(string participantId, string connectionId);
}
