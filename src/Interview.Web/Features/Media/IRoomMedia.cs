namespace Interview.Web.Features.Media;

/// <summary>The call's share of a room actor: who is in the call, their media state, and who may signal whom.</summary>
public interface IRoomMedia
{
    /// <summary>
    /// Puts the participant in the call (again, after a reconnect) and tells the rest of the room. Returns the other
    /// peers in the call, or null when <paramref name="connectionId"/> is not that participant's current connection.
    /// </summary>
    Task<IReadOnlyList<MediaPeer>?> JoinMediaAsync(string participantId, string connectionId, MediaState state, bool resume = false);

    /// <summary>
    /// Takes the participant out of the call and tells the rest of the room, unless another connection of the
    /// participant has taken over since (a late leave from a replaced connection must not end the new one's call).
    /// </summary>
    Task LeaveMediaAsync(string participantId, string connectionId);

    /// <summary>Publishes a participant's new media state to the room. False if it is not in the call.</summary>
    Task<bool> SetMediaStateAsync(string participantId, MediaState state);

    /// <summary>
    /// The current connection of <paramref name="to"/> if both it and the sender are connected participants of this
    /// room and <paramref name="fromConnectionId"/> is the sender's current connection; null otherwise.
    /// </summary>
    Task<string?> SignalTargetAsync(string from, string fromConnectionId, string to);
}
