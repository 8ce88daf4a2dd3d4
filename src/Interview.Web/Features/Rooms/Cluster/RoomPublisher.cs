using Interview.Web.Features.Editor;
using Interview.Web.Features.Watch;
using Interview.Web.Shared.Cluster;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>
/// Carries a room's published state (snapshot, editor view, watch state) to the nodes attached to it. Of snapshots and
/// watch states only the newest is sent (a burst of joins or seeks costs one message per node); every editor view is
/// sent, in order (a run's output streams through them). Each message carries a version, so a node keeps the newest.
/// </summary>
internal sealed class RoomPublisher(string roomId, AttachedNodes<IRoomNodeObserver> nodes, ILogger logger)
    : StatePublisher<RoomPublisher.Pending>
{
    /// <summary>Editor views of one round are numbered below the next round's.</summary>
    private const long EditorsPerRound = 1 << 20;

    private Pending _pending = new(null, [], null);

    internal sealed record Pending(RoomSnapshot? Room, List<EditorView> Editors, WatchState? Watch);

    public void Room(RoomSnapshot snapshot) => Publish(() => _pending = _pending with { Room = snapshot });

    public void Editor(EditorView view) => Publish(() => _pending.Editors.Add(view));

    public void Watch(WatchState state) => Publish(() => _pending = _pending with { Watch = state });

    protected override Pending TakePending()
    {
        var pending = _pending;
        _pending = new(null, [], null);
        return pending;
    }

    protected override Task DeliverAsync(long version, Pending pending) => nodes.TellAllAsync(async node =>
    {
        if (pending.Room is { } room) await node.RoomChanged(roomId, version, room);
        for (var i = 0; i < pending.Editors.Count; i++) await node.EditorChanged(roomId, version * EditorsPerRound + i, pending.Editors[i]);
        if (pending.Watch is { } watch) await node.WatchChanged(roomId, version, watch);
    }, (nodeId, e) => RoomGrainLog.NodeDropped(logger, roomId, nodeId, e));
}
