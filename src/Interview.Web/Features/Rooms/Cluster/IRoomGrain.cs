using Interview.Web.Features.Editor;
using Interview.Web.Features.Watch;
using Orleans.Concurrency;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>
/// A room in the cluster: one activation, on whichever web node Orleans placed it, owning the room's state. Each web
/// node with someone in the room keeps a <see cref="RoomProxy"/> attached through <see cref="AttachAsync"/>.
/// </summary>
public interface IRoomGrain : IGrainWithStringKey, IRoomCommands, Media.IRoomMedia, IEditorCommands, Execution.IRoomRuns, Recordings.IRoomRecordings,
    IWatchCommands, IRoomRoles, Proctoring.IProctoredRoom
{
    /// <summary>
    /// Loads the room if needed and attaches node <paramref name="nodeId"/>: from now on it receives the room's published
    /// state and the frames for its <c>/yjs</c> sockets. Returns the state now, or why the room cannot be opened.
    /// </summary>
    Task<RoomOpening> AttachAsync(string nodeId, IRoomNodeObserver node);

    /// <summary>
    /// Keeps node <paramref name="nodeId"/> attached (a node not heard from for a while is dropped). False when the node
    /// was not attached to <paramref name="activation"/>: it was dropped, or the room was reactivated elsewhere (its node
    /// died), and the node attaches again (and, for a new activation, its connections rejoin).
    /// </summary>
    Task<bool> KeepAttachedAsync(string nodeId, IRoomNodeObserver node, Guid activation);

    /// <summary>The node has nobody in the room any more.</summary>
    Task DetachAsync(string nodeId);

    /// <summary>Unloads the room and deletes its data.</summary>
    Task DeleteAsync();
}

/// <summary>Whether a room could be opened.</summary>
public enum RoomOpenStatus
{
    Open,
    NotFound,
    Unavailable,
}

/// <summary>A room's state as an attaching node first sees it.</summary>
public sealed record RoomOpening(RoomOpenStatus Status, Guid Activation, RoomSnapshot? Snapshot, EditorView? Editor, WatchState? Watch);

/// <summary>
/// What a room sends the nodes attached to it. Published state carries a version, so a node keeps the newest even if
/// messages pass each other.
/// </summary>
public interface IRoomNodeObserver : IGrainObserver
{
    Task RoomChanged(string roomId, long version, RoomSnapshot snapshot);

    Task EditorChanged(string roomId, long version, EditorView view);

    Task WatchChanged(string roomId, long version, WatchState state);

    /// <summary>A frame for one of the node's <c>/yjs</c> sockets. One-way: the room does not wait for the socket's node
    /// (Yjs updates apply in any order; awareness states carry clocks).</summary>
    [OneWay]
    Task SocketFrame(string connectionId, byte[] frame);

    /// <summary>Closes one of the node's <c>/yjs</c> sockets with a reason (a removed participant's).</summary>
    Task CloseSocket(string connectionId, string reason);

    /// <summary>The room was deleted.</summary>
    Task RoomGone(string roomId);
}
