using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Proctoring;

/// <summary>What invigilation asks of a room: who a participant is and where to reach them. Read on the room's loop.</summary>
internal sealed class RoomInvigilation(IRoomScope room) : IProctoredRoom
{
    public Task<RoomMember?> MemberAsync(string participantId) => room.Enqueue(() =>
        Task.FromResult(room.Participants.TryGetValue(participantId, out var p) ? ToMember(p) : null));

    public Task<RoomMember?> CurrentMemberAsync(string participantId, string connectionId) => room.Enqueue(() =>
        Task.FromResult(room.IsCurrent(participantId, connectionId, out var p) ? ToMember(p) : null));

    private static RoomMember ToMember(Participant p) => new(p.Id, p.DisplayName, p.Role, p.Presence, p.ConnectionId, p.UserId, p.TestId, p.InviteId);
}
