using Interview.Web.Features.Editor;
using Interview.Web.Shared.Cluster;
using Interview.Web.Features.Watch;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>
/// This node's side of the rooms in the cluster: the proxies of the rooms someone here uses, attached to their grains
/// and kept attached every few seconds; the room state and socket frames the grains send arrive here. A proxy nobody
/// here used for a minute is let go.
/// </summary>
internal sealed class RoomNode(
    IGrainFactory grains,
    ClusterSettings cluster,
    YjsSockets yjs,
    LocalHubConnections hubs,
    IWriteGate gate,
    ILogger<RoomNode> logger) : ProxyNode<RoomProxy>(logger), IRoomNodeObserver
{
    public const string MovedReason = "The room moved to another server; reconnect.";

    private IRoomNodeObserver? _reference;

    public string Id => cluster.NodeId;

    public NodeSockets Sockets { get; } = new();

    /// <summary>Whether this node may take changes now (it refuses them while it cannot reach the other nodes).</summary>
    public IWriteGate Gate => gate;


    /// <summary>This node's reference, handed to grains (Orleans holds the object weakly; the node keeps itself alive).</summary>
    private IRoomNodeObserver Reference => _reference ??= grains.CreateObjectReference<IRoomNodeObserver>(this);

    public Task<RoomProxy?> GetAsync(string roomId) => Proxies.GetAsync(roomId, AttachAsync);

    public Task<RoomProxy?> ForgetAsync(string roomId) => Proxies.RemoveAsync(roomId);

    private async Task<RoomProxy?> AttachAsync(string roomId)
    {
        var grain = grains.GetGrain<IRoomGrain>(roomId);
        RoomOpening opening;
        try { opening = await grain.AttachAsync(Id, Reference); }
        catch (Exception e) { throw new RoomUnavailableException(roomId, e); }
        return opening.Status switch
        {
            RoomOpenStatus.Open => new RoomProxy(roomId, grain, this, opening, logger),
            RoomOpenStatus.NotFound => null,
            _ => throw new RoomUnavailableException(roomId, null),
        };
    }

    /// <summary>Cuts one of this node's connections: a hub connection is aborted (its client reconnects), a socket closed.</summary>
    public void Cut(string connectionId, EditorTransport transport)
    {
        if (transport == EditorTransport.Hub) hubs.Abort(connectionId);
        else _ = yjs.CloseAsync(connectionId, MovedReason);
    }

    protected override string IdOf(RoomProxy proxy) => "Room " + proxy.Id;

    protected override async Task KeepAsync(RoomProxy proxy)
    {
        if (!proxy.InUse && DateTimeOffset.UtcNow - proxy.IdleSince > IdleRelease)
        {
            await Proxies.RemoveAsync(proxy.Id);
            await proxy.Grain.DetachAsync(Id);
            return;
        }
        if (await proxy.Grain.KeepAttachedAsync(Id, Reference, proxy.Activation)) return;
        var opening = await proxy.Grain.AttachAsync(Id, Reference);
        if (opening.Status == RoomOpenStatus.Open) proxy.Reattached(opening);
        else if (opening.Status == RoomOpenStatus.NotFound) await Proxies.RemoveAsync(proxy.Id);
    }

    public Task RoomChanged(string roomId, long version, RoomSnapshot snapshot)
    {
        if (Proxies.Loaded(roomId) is { } proxy) proxy.ApplyRoom(version, snapshot);
        return Task.CompletedTask;
    }

    public Task EditorChanged(string roomId, long version, EditorView view)
    {
        if (Proxies.Loaded(roomId) is { } proxy) proxy.ApplyEditor(version, view);
        return Task.CompletedTask;
    }

    public Task WatchChanged(string roomId, long version, WatchState state)
    {
        if (Proxies.Loaded(roomId) is { } proxy) proxy.ApplyWatch(version, state);
        return Task.CompletedTask;
    }

    public async Task SocketFrame(string connectionId, byte[] frame) => await Sockets.SendAsync(connectionId, frame);

    public Task CloseSocket(string connectionId, string reason) => yjs.CloseAsync(connectionId, reason);

    public async Task RoomGone(string roomId) => await Proxies.RemoveAsync(roomId);
}
