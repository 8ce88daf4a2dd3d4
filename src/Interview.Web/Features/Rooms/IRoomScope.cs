namespace Interview.Web.Features.Rooms;

/// <summary>
/// What a feature's part of a room sees of the room: who is in it, whether it has ended, how to reach everyone, and
/// the room's loop. The room actor keeps membership and hands this to each feature's state class (chat, editor,
/// runs, watch, call, recordings, invigilation), which keeps its own state and is only ever touched on that loop:
/// a feature's public commands queue themselves with <see cref="Enqueue{T}"/>; what the actor calls on the loop does not.
/// </summary>
internal interface IRoomScope
{
    string Id { get; }

    bool Ended { get; }

    bool EditorLocked { get; }

    /// <summary>The admitted participants (not the lobby), by id.</summary>
    IReadOnlyDictionary<string, Participant> Participants { get; }

    /// <summary>Everyone admitted to the room (its SignalR group).</summary>
    IRoomClient Everyone { get; }

    TimeProvider Time { get; }

    ILogger Logger { get; }

    /// <summary>Queues <paramref name="work"/> on the room's loop and returns its result. Never call it from the loop.</summary>
    Task<T> Enqueue<T>(Func<Task<T>> work);

    /// <inheritdoc cref="Enqueue{T}"/>
    Task Enqueue(Func<Task> work);

    /// <summary>A subscriber to published state (or a broadcast) failed; the room carries on.</summary>
    void SubscriberFailed(Exception exception);

    /// <summary>Whether <paramref name="connectionId"/> is the current hub connection of admitted participant <paramref name="participantId"/>.</summary>
    bool IsCurrent(string participantId, string connectionId, out Participant participant) =>
        Participants.TryGetValue(participantId, out participant!) && participant.ConnectionId == connectionId;
}
