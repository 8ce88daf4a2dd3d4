using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Proctoring;

/// <summary>A participant as invigilation sees it. <paramref name="ConnectionId"/> is null while reconnecting.</summary>
public sealed record RoomMember(string ParticipantId, string DisplayName, bool IsOwner, PresenceState Presence, string? ConnectionId)
{
    /// <summary>Candidates are the participants an exam watches: everyone but the room's owner.</summary>
    public bool IsCandidate => !IsOwner;
}

/// <summary>The room's side of invigilation (implemented by the room actor).</summary>
public interface IProctoredRoom
{
    /// <summary>The participant, connected or reconnecting; null if not in the room.</summary>
    Task<RoomMember?> MemberAsync(string participantId);

    /// <summary>The participant if <paramref name="connectionId"/> is its current connection; null otherwise.</summary>
    Task<RoomMember?> CurrentMemberAsync(string participantId, string connectionId);
}
