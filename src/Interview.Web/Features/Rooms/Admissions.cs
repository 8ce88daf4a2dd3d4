namespace Interview.Web.Features.Rooms;

/// <summary>
/// The room's admission decisions: sessions removed or turned away, the invites of removed people, and
/// sessions let in from the lobby. Held in memory for the actor's checks and written to the store before a decision
/// takes effect, so neither a restart nor an idle unload of the room forgets one. Session keys are kept and stored
/// only as hashes. Used on the actor's loop only.
/// </summary>
internal sealed class Admissions(string roomId, IRoomStore store, TimeProvider time, IReadOnlyList<AdmissionDecision> loaded)
{
    private readonly HashSet<AdmissionDecision> _decisions = [.. loaded];

    public bool IsRemoved(string sessionKey) => _decisions.Contains(new(AdmissionKind.RemovedSession, RoomTokens.Hash(sessionKey)));

    public bool IsRemovedInvite(string inviteId) => _decisions.Contains(new(AdmissionKind.RemovedInvite, inviteId));

    public bool IsAdmitted(string sessionKey) => _decisions.Contains(new(AdmissionKind.AdmittedSession, RoomTokens.Hash(sessionKey)));

    /// <summary>
    /// Bars the participant's session and, with <paramref name="barInvite"/>, the invite they came with (any invite:
    /// a fresh session key with the same link is the same person).
    /// </summary>
    public async Task BarAsync(Participant participant, bool barInvite)
    {
        await AddAsync(new(AdmissionKind.RemovedSession, RoomTokens.Hash(participant.SessionKey)));
        if (barInvite && participant.InviteId is { } invite) await AddAsync(new(AdmissionKind.RemovedInvite, invite));
    }

    public Task AdmitAsync(string sessionKey) => AddAsync(new(AdmissionKind.AdmittedSession, RoomTokens.Hash(sessionKey)));

    private async Task AddAsync(AdmissionDecision decision)
    {
        if (_decisions.Contains(decision)) return;
        await store.AddAdmissionAsync(roomId, decision, time.GetUtcNow());
        _decisions.Add(decision);
    }
}
