using System.Security.Cryptography;

namespace Interview.Web.Features.Rooms;

internal sealed partial class RoomActor
{
    public Task<JoinResult> JoinAsync(JoinRequest request, string connectionId, string? ownerToken) => Enqueue(async () =>
    {
        if (_record.EndedAt is not null) return Refused(JoinStatus.Ended);

        var now = _time.GetUtcNow();
        var participant = _participants.Values.FirstOrDefault(p => p.SessionKey == request.SessionKey);
        if (participant is null)
        {
            if (_participants.Count >= _record.Capacity) return Refused(JoinStatus.Full);
            var isOwner = RoomTokens.Matches(ownerToken, _record.OwnerTokenHash);
            participant = new Participant(RoomTokens.NewParticipantId(), request.DisplayName, request.SessionKey, isOwner, now)
            {
                ConnectionId = connectionId,
            };
            _participants.Add(participant.Id, participant);
            Log.ParticipantJoined(_logger, Id, participant.Id, _participants.Count);
            await Room.ParticipantJoined(participant.ToView());
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

    public Task LeaveAsync(string connectionId) => Enqueue(async () =>
    {
        if (FindByConnection(connectionId) is { } participant) await RemoveAsync(participant);
    });

    public Task ConnectionLostAsync(string connectionId, ConnectionLoss loss) => Enqueue(async () =>
    {
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
        if (!_participants.TryGetValue(participantId, out var participant) || !participant.IsOwner) return false;
        if (_record.EndedAt is not null) return true;
        var now = _time.GetUtcNow();
        await _store.MarkEndedAsync(Id, now);
        _record = _record with { EndedAt = now };
        _participants.Clear();
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

    private JoinResult Refused(JoinStatus status) => new(status, null, BuildSnapshot().Room, [], []);
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
