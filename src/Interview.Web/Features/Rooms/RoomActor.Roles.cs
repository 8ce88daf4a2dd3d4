using Interview.Web.Features.Editor;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// Roles, the lobby and interviewer powers. Every check happens here, on the actor's loop, against the actor's own
/// participants: the hub and the Blazor components only translate the refusal into a message.
/// </summary>
internal sealed partial class RoomActor
{
    /// <summary>The role of an admitted participant, or null.</summary>
    public Task<ParticipantRole?> RoleOfAsync(string participantId) => Enqueue(() =>
        Task.FromResult(_participants.TryGetValue(participantId, out var p) ? p.Role : (ParticipantRole?)null));

    public Task<string?> AdmitAsync(string byParticipantId, string participantId) => Enqueue(async () =>
    {
        if (Moderator(byParticipantId, "admit people from the lobby") is { } refused) return refused;
        if (!_lobby.TryGetValue(participantId, out var waiting)) return "That person is no longer waiting in the lobby.";
        if (!HasSeatFor(waiting)) return $"The room is full: all {_record.Capacity} seats are taken.";
        _lobby.Remove(participantId);
        await AdmitAsync(waiting);
        await NotifyLobbyAsync();
        return null;
    });

    public Task<string?> DenyAsync(string byParticipantId, string participantId) => Enqueue(async () =>
    {
        if (Moderator(byParticipantId, "turn people away from the lobby") is { } refused) return refused;
        if (!_lobby.Remove(participantId, out var waiting)) return "That person is no longer waiting in the lobby.";
        await _admissions.BarAsync(waiting, barInvite: !InviteHeldByOther(waiting));
        if (waiting.ConnectionId is { } connection) await _broadcaster.Connection(connection).Removed(new RemovedNotice("An interviewer did not let you in."));
        await NotifyLobbyAsync();
        return null;
    });

    public Task<string?> ChangeSettingsAsync(string byParticipantId, RoomSettingsRequest request) => Enqueue(async () =>
    {
        if (Moderator(byParticipantId, "change the room's settings") is { } refused) return refused;
        if (_record.EndedAt is not null) return "The room has ended.";
        var updated = _record with { Lobby = request.Lobby ?? _record.Lobby, EditorLocked = request.EditorLocked ?? _record.EditorLocked };
        if (updated == _record) return null;
        await _store.SaveSettingsAsync(Id, updated.Lobby, updated.EditorLocked);
        _record = updated;
        if (!_record.Lobby && _lobby.Count > 0)
        {
            // The lobby was switched off: everyone waiting comes in while there are seats (the others keep waiting).
            foreach (var waiting in _lobby.Values.OrderBy(p => p.JoinedAt).TakeWhile(HasSeatFor).ToList())
            {
                _lobby.Remove(waiting.Id);
                await AdmitAsync(waiting);
            }
            await NotifyLobbyAsync();
        }
        await Room.RoomSettingsChanged(BuildSnapshot().Room);
        return null;
    });

    public Task<string?> MuteAsync(string byParticipantId, string participantId) => Enqueue(async () =>
    {
        if (Moderator(byParticipantId, "mute participants") is { } refused) return refused;
        if (!_participants.TryGetValue(participantId, out var target)) return "That person is not in the room.";
        if (target.Id == byParticipantId) return "Use your own microphone button to mute yourself.";
        if (target.ConnectionId is { } connection)
            await _broadcaster.Connection(connection).MuteRequested(new MuteRequest(byParticipantId, _participants[byParticipantId].DisplayName));
        return null;
    });

    public Task<string?> RemoveParticipantAsync(string byParticipantId, string participantId) => Enqueue(async () =>
    {
        if (Moderator(byParticipantId, "remove participants") is { } refused) return refused;
        if (!_participants.TryGetValue(participantId, out var target)) return "That person is not in the room.";
        if (target.Role == ParticipantRole.Interviewer) return "Interviewers cannot be removed; they leave by themselves.";
        await _admissions.BarAsync(target, barInvite: !InviteHeldByOther(target));
        await Call.LeaveAsync(target.Id);
        var notice = new RemovedNotice("An interviewer removed you from the room.");
        foreach (var hub in target.Connections.Where(c => c.Value == EditorTransport.Hub).Select(c => c.Key).Append(target.ConnectionId).OfType<string>().Distinct())
            await _broadcaster.Connection(hub).Removed(notice);
        // Every connection goes: hub groups, editor peers and /yjs sockets, whether or not one is live right now.
        await RemoveAsync(target, notice.Reason);
        return null;
    });

    public Task<IReadOnlyList<SessionParticipant>> DescribeParticipantsAsync() => Enqueue(() =>
        Task.FromResult<IReadOnlyList<SessionParticipant>>(
        [
            .. _participants.Values.Concat(_lobby.Values).OrderBy(p => p.JoinedAt).Select(p => new SessionParticipant(
                p.Id, p.DisplayName, p.Role, p.Presence, p.JoinedAt, p.UserId, p.TestId, _lobby.ContainsKey(p.Id))),
        ]));

    private async Task AdmitAsync(Participant waiting)
    {
        await _admissions.AdmitAsync(waiting.SessionKey);
        waiting.Presence = PresenceState.Connected;
        await AddParticipantAsync(waiting);
        if (waiting.ConnectionId is { } connection) await _broadcaster.Connection(connection).LobbyAdmitted();
    }

    /// <summary>A waiting candidate's connection left or dropped: they leave the lobby (joining again queues them anew).</summary>
    private async Task<bool> LeaveLobbyAsync(string connectionId)
    {
        var waiting = _lobby.Values.FirstOrDefault(p => p.ConnectionId == connectionId);
        if (waiting is null) return false;
        _lobby.Remove(waiting.Id);
        await NotifyLobbyAsync();
        return true;
    }

    private async Task NotifyLobbyAsync()
    {
        // An array, not a collection expression typed as IReadOnlyList: SignalR's MessagePack writes an argument by its
        // runtime type, and the compiler's synthesized list type is not serializable.
        var waiting = _lobby.Values.OrderBy(p => p.JoinedAt).Select(p => p.ToView()).ToArray();
        foreach (var interviewer in _participants.Values.Where(p => RolePolicy.CanModerate(p.Role) && p.ConnectionId is not null))
            await _broadcaster.Connection(interviewer.ConnectionId!).LobbyChanged(waiting);
    }

    /// <summary>Interviewers always have a seat; anyone else needs the admitted participants to be under capacity.</summary>
    private bool HasSeatFor(Participant participant) =>
        participant.Role == ParticipantRole.Interviewer || _participants.Count < _record.Capacity;

    /// <summary>Another admitted participant holds the same invite (a second browser let in, or the original holder).</summary>
    private bool InviteHeldByOther(Participant participant) =>
        participant.InviteId is { } invite && _participants.Values.Any(p => p.Id != participant.Id && p.InviteId == invite);

    private string? Moderator(string participantId, string action) =>
        _participants.TryGetValue(participantId, out var participant) && RolePolicy.CanModerate(participant.Role)
            ? null
            : $"Only interviewers can {action}.";
}
