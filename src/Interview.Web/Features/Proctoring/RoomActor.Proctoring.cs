using Interview.Web.Features.Proctoring;

namespace Interview.Web.Features.Rooms;

/// <summary>What invigilation asks of a room: who a participant is and where to reach them. Runs on the actor's loop.</summary>
internal sealed partial class RoomActor : IProctoredRoom
{
    public Task<RoomMember?> MemberAsync(string participantId) => Enqueue(() =>
        Task.FromResult(_participants.TryGetValue(participantId, out var p) ? ToMember(p) : null));

    public Task<RoomMember?> CurrentMemberAsync(string participantId, string connectionId) => Enqueue(() =>
        Task.FromResult(IsCurrent(participantId, connectionId, out var p) ? ToMember(p) : null));

    private static RoomMember ToMember(Participant p) => new(p.Id, p.DisplayName, p.Role, p.Presence, p.ConnectionId, p.UserId, p.TestId, p.InviteId);
}
