namespace Interview.Web.Features.Rooms;

/// <summary>A participant's mutable state, owned by its room actor (never shared outside it).</summary>
internal sealed class Participant(string id, string displayName, string sessionKey, bool isOwner, DateTimeOffset joinedAt, ParticipantRole role)
{
    private readonly Queue<DateTimeOffset> _recentChat = new();

    public string Id { get; } = id;
    public string DisplayName { get; } = displayName;
    public string SessionKey { get; } = sessionKey;
    /// <summary>The room's creator (holds the owner cookie); always an interviewer.</summary>
    public bool IsOwner { get; } = isOwner;
    public ParticipantRole Role { get; } = role;

    /// <summary>The outside system's user id and test id, when the participant joined with a named invite.</summary>
    public string? UserId { get; init; }
    public string? TestId { get; init; }

    /// <summary>The invite the participant joined with, if any.</summary>
    public string? InviteId { get; init; }
    public DateTimeOffset JoinedAt { get; } = joinedAt;
    public PresenceState Presence { get; set; } = PresenceState.Connected;

    /// <summary>The participant's current hub connection (media, notices), null while reconnecting.</summary>
    public string? ConnectionId { get; set; }

    /// <summary>
    /// Every live connection of the participant: hub connections (a superseded tab's too) and <c>/yjs</c> sockets.
    /// Removal cuts them all; the participant shows as reconnecting only once none is left.
    /// </summary>
    public Dictionary<string, Editor.EditorTransport> Connections { get; } = new(StringComparer.Ordinal);

    /// <summary>Bumped on every drop, so a grace timer only removes the participant it was started for.</summary>
    public int DropCount { get; set; }

    public ParticipantView ToView() => new(Id, DisplayName, IsOwner, Presence, JoinedAt, Role);

    /// <summary>Sliding-window chat limit. Returns the wait before the next message is allowed, or null if allowed now.</summary>
    public TimeSpan? TryTakeChatSlot(DateTimeOffset now, int count, TimeSpan window)
    {
        while (_recentChat.Count > 0 && now - _recentChat.Peek() >= window) _recentChat.Dequeue();
        if (_recentChat.Count >= count) return window - (now - _recentChat.Peek());
        _recentChat.Enqueue(now);
        return null;
    }
}
