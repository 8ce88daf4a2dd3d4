using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Media;

/// <summary>The room's call: which participants take part, what they publish, and who may signal whom.</summary>
internal sealed class RoomCall(IRoomScope room) : IRoomMedia
{
    private readonly Dictionary<string, MediaState> _media = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<MediaPeer>?> JoinMediaAsync(string participantId, string connectionId, MediaState state, bool resume = false) => room.Enqueue(async () =>
    {
        if (!room.IsCurrent(participantId, connectionId, out var participant)) return null;
        ForgetDeparted();
        var resumed = resume && _media.ContainsKey(participantId);
        // Observers enter muted, so a candidate's page never shows them until they unmute (their page follows suit).
        if (participant.Role == ParticipantRole.Observer && !resumed) state = state with { Mic = false };
        _media[participantId] = state;
        await room.Everyone.MediaPeerJoined(new MediaPeer(participantId, participant.DisplayName, state, resumed, RolePolicy.Name(participant.Role)));
        var participants = room.Participants;
        IReadOnlyList<MediaPeer> peers =
        [
            .. _media.Where(m => m.Key != participantId && participants[m.Key].Presence == PresenceState.Connected)
                .Select(m => new MediaPeer(m.Key, participants[m.Key].DisplayName, m.Value, Role: RolePolicy.Name(participants[m.Key].Role))),
        ];
        return peers;
    });

    public Task LeaveMediaAsync(string participantId, string connectionId) => room.Enqueue(async () =>
    {
        if (room.Participants.TryGetValue(participantId, out var participant) &&
            participant.ConnectionId is { } current && current != connectionId) return;
        await LeaveAsync(participantId);
    });

    public Task<bool> SetMediaStateAsync(string participantId, MediaState state) => room.Enqueue(async () =>
    {
        if (!_media.ContainsKey(participantId) || !room.Participants.TryGetValue(participantId, out var participant)) return false;
        _media[participantId] = state;
        await room.Everyone.MediaStateChanged(new MediaPeer(participantId, participant.DisplayName, state, Role: RolePolicy.Name(participant.Role)));
        return true;
    });

    public Task<string?> SignalTargetAsync(string from, string fromConnectionId, string to) => room.Enqueue(() =>
        Task.FromResult(from != to && room.IsCurrent(from, fromConnectionId, out _) &&
            room.Participants.TryGetValue(to, out var target) && target.Presence == PresenceState.Connected
                ? target.ConnectionId
                : null));

    /// <summary>On the room's loop: the participant leaves the call (removed from the room, say) and the room hears it.</summary>
    public async Task LeaveAsync(string participantId)
    {
        if (_media.Remove(participantId)) await room.Everyone.MediaPeerLeft(participantId);
    }

    /// <summary>Participants who left the room leave the call too (their entries are dropped lazily here).</summary>
    private void ForgetDeparted()
    {
        foreach (var id in _media.Keys.Where(id => !room.Participants.ContainsKey(id)).ToList()) _media.Remove(id);
    }
}
