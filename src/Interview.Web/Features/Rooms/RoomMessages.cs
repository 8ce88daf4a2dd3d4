using System.Text.Json.Serialization;
using Interview.Web.Features.Chat;

namespace Interview.Web.Features.Rooms;

/// <summary>Outcome of a join attempt. Travels by name (SignalR's MessagePack writes enums as strings).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JoinStatus>))]
public enum JoinStatus
{
    /// <summary>Joined (or rejoined with the same session key).</summary>
    Joined = 0,
    /// <summary>The room admits no more participants.</summary>
    Full = 1,
    /// <summary>The room's creator ended it.</summary>
    Ended = 2,
    /// <summary>No room has that id.</summary>
    NotFound = 3,
}

/// <summary>Presence of one participant. Travels by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PresenceState>))]
public enum PresenceState
{
    /// <summary>Connected now.</summary>
    Connected = 0,
    /// <summary>The connection dropped; the participant is listed until the grace period ends.</summary>
    Reconnecting = 1,
}

/// <summary>
/// Join a room. <paramref name="SessionKey"/> is a secret the browser keeps for the tab (16–64 of [A-Za-z0-9_-]):
/// joining again with it resumes the same participant after a reconnect or reload.
/// </summary>
public sealed record JoinRequest(string RoomId, string DisplayName, string SessionKey);

public sealed record JoinResult(
    JoinStatus Status,
    string? ParticipantId,
    RoomView? Room,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<ChatMessage> Chat);

public sealed record ParticipantView(string Id, string DisplayName, bool IsOwner, PresenceState Presence, DateTimeOffset JoinedAt);

public sealed record RoomView(string Id, string Title, int Capacity, bool Ended);
