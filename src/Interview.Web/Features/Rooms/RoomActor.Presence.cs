using System.Security.Cryptography;
using Interview.Web.Features.Editor;

namespace Interview.Web.Features.Rooms;

internal sealed partial class RoomActor
{
    private const string RemovedMessage = "An interviewer removed you from this room.";
    private const string SocketCannotWait =
        "This room has a lobby: join from the room's page and wait to be let in; a y-websocket client cannot wait.";

    public Task<JoinResult> JoinAsync(JoinRequest request, string connectionId, JoinCredentials credentials,
        EditorTransport transport = EditorTransport.Hub) => Enqueue(async () =>
    {
        if (_record.EndedAt is not null) return Refused(JoinStatus.Ended);
        var isOwner = RoomTokens.Matches(credentials.OwnerToken, _record.OwnerTokenHash);
        var invite = credentials.Invite?.Claims;
        if (_admissions.IsRemoved(request.SessionKey) || (!isOwner && invite is not null && _admissions.IsRemovedInvite(invite.InviteId)))
            return Refused(JoinStatus.Removed, RemovedMessage);

        var now = Time.GetUtcNow();
        if (_lobby.Values.FirstOrDefault(p => p.SessionKey == request.SessionKey) is { } waiting)
        {
            if (transport == EditorTransport.WebSocket) return Refused(JoinStatus.Waiting, SocketCannotWait);
            waiting.ConnectionId = connectionId;
            return Waiting(waiting);
        }
        var participant = _participants.Values.FirstOrDefault(p => p.SessionKey == request.SessionKey);
        if (participant is null)
        {
            if (!isOwner && credentials.Invite is { IsValid: false } bad) return Refused(JoinStatus.InviteInvalid, bad.Error);
            if (!isOwner && invite is null && _record.RequireInvite)
                return Refused(JoinStatus.InviteRequired, "This room admits only people with an invite link.");
            var role = isOwner ? ParticipantRole.Interviewer : invite?.Role ?? ParticipantRole.Candidate;
            // Interviewers always get in; everyone else needs a free seat (interviewers present take seats too).
            if (role != ParticipantRole.Interviewer && _participants.Count >= _record.Capacity)
                return Refused(JoinStatus.Full, $"The room is full: all {_record.Capacity} seats are taken.");
            participant = new Participant(RoomTokens.NewParticipantId(), invite?.DisplayName ?? request.DisplayName, request.SessionKey, isOwner, now, role)
            {
                UserId = invite?.UserId,
                TestId = invite?.TestId,
                InviteId = invite?.InviteId,
            };
            // A named invite has one holder: a second browser presenting it waits for an interviewer's decision.
            var contested = !isOwner && invite is { } named && (named.DisplayName is not null || named.UserId is not null) &&
                _participants.Values.Any(p => p.InviteId == named.InviteId);
            if (((_record.Lobby && role == ParticipantRole.Candidate) || contested) && !_admissions.IsAdmitted(request.SessionKey))
            {
                if (contested && !_participants.Values.Any(p => RolePolicy.CanModerate(p.Role) && p.ConnectionId is not null))
                    return Refused(JoinStatus.InviteInUse, "This invite link is in use in another browser, and no interviewer is here to let a second one in.");
                if (transport == EditorTransport.WebSocket) return Refused(JoinStatus.Waiting, SocketCannotWait);
                if (_lobby.Count >= _options.MaxLobby) return Refused(JoinStatus.Full, "The lobby is full: try again in a few minutes.");
                participant.ConnectionId = connectionId;
                _lobby.Add(participant.Id, participant);
                await NotifyLobbyAsync();
                return Waiting(participant);
            }
            await AttachAsync(participant, connectionId, transport);
            await AddParticipantAsync(participant);
        }
        else
        {
            await AttachAsync(participant, connectionId, transport);
            participant.DropCount++;
            if (participant.Presence != PresenceState.Connected)
            {
                participant.Presence = PresenceState.Connected;
                await Room.ParticipantChanged(participant.ToView());
            }
        }
        await _store.TouchAsync(Id, now);
        var snapshot = BuildSnapshot();
        return new JoinResult(JoinStatus.Joined, participant.Id, snapshot.Room, [.. snapshot.Participants], Chat.Messages);
    });

    /// <summary>
    /// An admitted connection joins its participant. A hub connection enters the room's group here, on the loop, so
    /// it hears every event from its admission on and nothing before it (a refused or waiting joiner never enters).
    /// </summary>
    private async Task AttachAsync(Participant participant, string connectionId, EditorTransport transport)
    {
        participant.Connections[connectionId] = transport;
        if (transport != EditorTransport.Hub) return;
        participant.ConnectionId = connectionId;
        await _broadcaster.AddAsync(Id, connectionId);
    }

    /// <summary>
    /// The connection is no longer the participant's: its cursors go. It is out of the room's groups already (SignalR
    /// takes a closed connection out of its groups; a hidden page's hub connection is taken out by the hub on its own
    /// node), so the room does not ask the backplane, which would wait for an acknowledgement about a connection that
    /// may be gone.
    /// </summary>
    private async Task DetachAsync(Participant participant, string connectionId)
    {
        participant.Connections.Remove(connectionId);
        if (participant.ConnectionId == connectionId) participant.ConnectionId = null;
        await Document.ForgetPeerAsync(connectionId);
    }

    private async Task AddParticipantAsync(Participant participant)
    {
        _participants.Add(participant.Id, participant);
        Log.ParticipantJoined(Logger, Id, participant.Id, _participants.Count);
        await Room.ParticipantJoined(participant.ToView());
    }

    /// <summary>The participant holding <paramref name="sessionKey"/> (admitted, not in the lobby), or null.</summary>
    public Task<string?> FindParticipantAsync(string sessionKey) => Enqueue(() =>
        Task.FromResult(_participants.Values.FirstOrDefault(p => p.SessionKey == sessionKey)?.Id));

    public Task LeaveAsync(string connectionId) => Enqueue(async () =>
    {
        if (await LeaveLobbyAsync(connectionId)) return;
        if (FindByConnection(connectionId) is { } participant) await RemoveAsync(participant, "You left the room.");
    });

    public Task ConnectionLostAsync(string connectionId, ConnectionLoss loss) => Enqueue(async () =>
    {
        if (await LeaveLobbyAsync(connectionId)) return;
        if (FindByConnection(connectionId) is not { } participant) return;
        await DetachAsync(participant, connectionId);
        if (participant.Connections.Count > 0 || participant.ConnectionId is not null) return; // still here through another
        participant.Presence = PresenceState.Reconnecting;
        var drop = ++participant.DropCount;
        await Room.ParticipantChanged(participant.ToView());
        var grace = loss == ConnectionLoss.PageHidden ? _options.PageHiddenGraceSeconds : _options.ReconnectGraceSeconds;
        _ = ExpireAfterGraceAsync(participant.Id, drop, TimeSpan.FromSeconds(grace));
    });

    public Task<bool> EndAsync(string participantId) => Enqueue(async () =>
    {
        if (!_participants.TryGetValue(participantId, out var participant) || !RolePolicy.CanModerate(participant.Role)) return false;
        if (_record.EndedAt is not null) return true;
        var now = Time.GetUtcNow();
        await _store.MarkEndedAsync(Id, now);
        _record = _record with { EndedAt = now };
        _participants.Clear();
        _lobby.Clear();
        Log.RoomEnded(Logger, Id);
        await Room.RoomEnded();
        return true;
    });

    private async Task ExpireAfterGraceAsync(string participantId, int drop, TimeSpan grace)
    {
        await Task.Delay(grace, Time);
        await Enqueue(async () =>
        {
            if (_participants.TryGetValue(participantId, out var participant) &&
                participant.Presence == PresenceState.Reconnecting && participant.DropCount == drop)
            {
                await RemoveAsync(participant, "You left the room.");
            }
        });
    }

    /// <summary>The participant leaves the room; every connection it still holds is cut (<paramref name="reason"/> closes its sockets).</summary>
    private async Task RemoveAsync(Participant participant, string reason)
    {
        _participants.Remove(participant.Id);
        Log.ParticipantLeft(Logger, Id, participant.Id, _participants.Count);
        await Room.ParticipantLeft(participant.Id);
        foreach (var connection in participant.Connections.Keys.Append(participant.ConnectionId).OfType<string>().Distinct().ToList())
        {
            await _broadcaster.ExpelAsync(Id, connection, reason);
            await Document.ForgetPeerAsync(connection);
        }
        participant.Connections.Clear();
        participant.ConnectionId = null;
        await _store.TouchAsync(Id, Time.GetUtcNow());
    }

    private Participant? FindByConnection(string connectionId) =>
        _participants.Values.FirstOrDefault(p => p.ConnectionId == connectionId || p.Connections.ContainsKey(connectionId));

    private JoinResult Refused(JoinStatus status, string? error = null) => new(status, null, BuildSnapshot().Room, [], [], error);

    private JoinResult Waiting(Participant participant) =>
        new(JoinStatus.Waiting, participant.Id, BuildSnapshot().Room, [], [], "Waiting for an interviewer to let you in.");
}

/// <summary>Random identifiers and secrets of rooms.</summary>
public static class RoomTokens
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A room id: 10 characters from an unambiguous alphabet (50 bits).</summary>
    public static string NewRoomId() => RandomNumberGenerator.GetString(Alphabet, 10);

    public static string NewParticipantId() => "p" + RandomNumberGenerator.GetString(Alphabet, 11);

    /// <summary>A secret proving the room's creator (256 bits, URL-safe).</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    /// <summary>Constant-time check of a secret against its stored hash.</summary>
    public static bool Matches(string? secret, string hash) =>
        secret is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(Hash(secret)), System.Text.Encoding.ASCII.GetBytes(hash));

    public static bool IsRoomId(string? id) => id is { Length: 10 } && id.All(c => Alphabet.Contains(c));
}
