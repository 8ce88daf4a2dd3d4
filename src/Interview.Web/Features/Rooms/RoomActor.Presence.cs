using System.Security.Cryptography;

namespace Interview.Web.Features.Rooms;

internal sealed partial class RoomActor
{
    public Task<JoinResult> JoinAsync(JoinRequest request, string connectionId, JoinCredentials credentials) => Enqueue(async () =>
    {
        if (_record.EndedAt is not null) return Refused(JoinStatus.Ended);
        if (_admissions.IsRemoved(request.SessionKey)) return Refused(JoinStatus.Removed, "An interviewer removed you from this room.");

        var now = _time.GetUtcNow();
        if (_lobby.Values.FirstOrDefault(p => p.SessionKey == request.SessionKey) is { } waiting)
        {
            waiting.ConnectionId = connectionId;
            return Waiting(waiting);
        }
        var participant = _participants.Values.FirstOrDefault(p => p.SessionKey == request.SessionKey);
        if (participant is null)
        {
            if (_participants.Count + _lobby.Count >= _record.Capacity) return Refused(JoinStatus.Full);
            var isOwner = RoomTokens.Matches(credentials.OwnerToken, _record.OwnerTokenHash);
            var invite = credentials.Invite?.Claims;
            if (!isOwner && credentials.Invite is { IsValid: false } bad) return Refused(JoinStatus.InviteInvalid, bad.Error);
            if (!isOwner && invite is null && _record.RequireInvite)
                return Refused(JoinStatus.InviteRequired, "This room admits only people with an invite link.");
            if (!isOwner && invite is not null && _admissions.IsRemovedInvite(invite.InviteId))
                return Refused(JoinStatus.Removed, "An interviewer removed you from this room.");
            var role = isOwner ? ParticipantRole.Interviewer : invite?.Role ?? ParticipantRole.Candidate;
            participant = new Participant(RoomTokens.NewParticipantId(), invite?.DisplayName ?? request.DisplayName, request.SessionKey, isOwner, now, role)
            {
                ConnectionId = connectionId,
                UserId = invite?.UserId,
                TestId = invite?.TestId,
                InviteId = invite?.InviteId,
            };
            if (_record.Lobby && role == ParticipantRole.Candidate && !_admissions.IsAdmitted(request.SessionKey))
            {
                _lobby.Add(participant.Id, participant);
                await NotifyLobbyAsync();
                return Waiting(participant);
            }
            await AddParticipantAsync(participant);
        }
        else
        {
            participant.ConnectionId = connectionId;
            participant.DropCount++;
            if (participant.Presence != PresenceState.Connected)
            {
                participant.Presence = PresenceState.Connected;
                await Room.ParticipantChanged(participant.ToView());
            }
        }
        await _store.TouchAsync(Id, now);
        var snapshot = BuildSnapshot();
        return new JoinResult(JoinStatus.Joined, participant.Id, snapshot.Room, [.. snapshot.Participants], _chat);
    });

    private async Task AddParticipantAsync(Participant participant)
    {
        _participants.Add(participant.Id, participant);
        Log.ParticipantJoined(_logger, Id, participant.Id, _participants.Count);
        await Room.ParticipantJoined(participant.ToView());
    }

    /// <summary>The participant holding <paramref name="sessionKey"/> (admitted, not in the lobby), or null.</summary>
    public Task<string?> FindParticipantAsync(string sessionKey) => Enqueue(() =>
        Task.FromResult(_participants.Values.FirstOrDefault(p => p.SessionKey == sessionKey)?.Id));

    public Task LeaveAsync(string connectionId) => Enqueue(async () =>
    {
        if (await LeaveLobbyAsync(connectionId)) return;
        if (FindByConnection(connectionId) is { } participant) await RemoveAsync(participant);
    });

    public Task ConnectionLostAsync(string connectionId, ConnectionLoss loss) => Enqueue(async () =>
    {
        if (await LeaveLobbyAsync(connectionId)) return;
        if (FindByConnection(connectionId) is not { } participant) return;
        participant.ConnectionId = null;
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
        var now = _time.GetUtcNow();
        await _store.MarkEndedAsync(Id, now);
        _record = _record with { EndedAt = now };
        _participants.Clear();
        _lobby.Clear();
        Log.RoomEnded(_logger, Id);
        await Room.RoomEnded();
        return true;
    });

    private async Task ExpireAfterGraceAsync(string participantId, int drop, TimeSpan grace)
    {
        await Task.Delay(grace, _time);
        await Enqueue(async () =>
        {
            if (_participants.TryGetValue(participantId, out var participant) &&
                participant.Presence == PresenceState.Reconnecting && participant.DropCount == drop)
            {
                await RemoveAsync(participant);
            }
        });
    }

    private async Task RemoveAsync(Participant participant)
    {
        _participants.Remove(participant.Id);
        Log.ParticipantLeft(_logger, Id, participant.Id, _participants.Count);
        await Room.ParticipantLeft(participant.Id);
        await _store.TouchAsync(Id, _time.GetUtcNow());
    }

    private Participant? FindByConnection(string connectionId) =>
        _participants.Values.FirstOrDefault(p => p.ConnectionId == connectionId);

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
