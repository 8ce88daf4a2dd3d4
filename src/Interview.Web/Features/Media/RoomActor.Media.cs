using Interview.Web.Features.Media;

namespace Interview.Web.Features.Rooms;

/// <summary>The call: which participants take part and what they publish. Runs on the actor's loop like the rest.</summary>
internal sealed partial class RoomActor : IRoomMedia
{
    private readonly Dictionary<string, MediaState> _media = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<MediaPeer>?> JoinMediaAsync(string participantId, string connectionId, MediaState state, bool resume = false) => Enqueue(async () =>
    {
        if (!IsCurrent(participantId, connectionId, out var participant)) return null;
        ForgetDepartedMedia();
        var resumed = resume && _media.ContainsKey(participantId);
        // Observers enter muted, so a candidate's page never shows them until they unmute (their page follows suit).
        if (participant.Role == ParticipantRole.Observer && !resumed) state = state with { Mic = false };
        _media[participantId] = state;
        await Room.MediaPeerJoined(new MediaPeer(participantId, participant.DisplayName, state, resumed, RolePolicy.Name(participant.Role)));
        IReadOnlyList<MediaPeer> peers =
        [
            .. _media.Where(m => m.Key != participantId && _participants[m.Key].Presence == PresenceState.Connected)
                .Select(m => new MediaPeer(m.Key, _participants[m.Key].DisplayName, m.Value, Role: RolePolicy.Name(_participants[m.Key].Role))),
        ];
        return peers;
    });

    public Task LeaveMediaAsync(string participantId, string connectionId) => Enqueue(async () =>
    {
        if (_participants.TryGetValue(participantId, out var participant) &&
            participant.ConnectionId is { } current && current != connectionId) return;
        if (_media.Remove(participantId)) await Room.MediaPeerLeft(participantId);
    });

    public Task<bool> SetMediaStateAsync(string participantId, MediaState state) => Enqueue(async () =>
    {
        if (!_media.ContainsKey(participantId) || !_participants.TryGetValue(participantId, out var participant)) return false;
        _media[participantId] = state;
        await Room.MediaStateChanged(new MediaPeer(participantId, participant.DisplayName, state, Role: RolePolicy.Name(participant.Role)));
        return true;
    });

    public Task<string?> SignalTargetAsync(string from, string fromConnectionId, string to) => Enqueue(() =>
        Task.FromResult(from != to && IsCurrent(from, fromConnectionId, out _) &&
            _participants.TryGetValue(to, out var target) && target.Presence == PresenceState.Connected
                ? target.ConnectionId
                : null));

    private bool IsCurrent(string participantId, string connectionId, out Participant participant) =>
        _participants.TryGetValue(participantId, out participant!) && participant.ConnectionId == connectionId;

    /// <summary>Participants who left the room leave the call too (their entries are dropped lazily here).</summary>
    private void ForgetDepartedMedia()
    {
        foreach (var id in _media.Keys.Where(id => !_participants.ContainsKey(id)).ToList()) _media.Remove(id);
    }
}
