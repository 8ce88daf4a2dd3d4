using System.Collections.Concurrent;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Watch;
using Interview.Web.Shared.Cluster;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>
/// A room as this node sees it: commands go to the room's grain, wherever it is; the state the grain publishes is
/// mirrored here for Blazor and the hub to read. The proxy also remembers which of this node's connections are in the
/// room, so that when the room is reactivated elsewhere (its node died) they are cut and rejoin the new activation.
/// </summary>
internal sealed partial class RoomProxy : IRoom
{
    private readonly IRoomGrain _grain;
    private readonly RoomNode _node;
    private readonly ILogger _logger;
    private readonly Mirror<RoomSnapshot> _room;
    private readonly Mirror<EditorView> _editor;
    private readonly Mirror<WatchState> _watch;
    private readonly ConcurrentDictionary<string, EditorTransport> _connections = new(StringComparer.Ordinal);

    public RoomProxy(string id, IRoomGrain grain, RoomNode node, RoomOpening opening, ILogger logger)
    {
        Id = id;
        _grain = grain;
        _node = node;
        _logger = logger;
        _room = new(opening.Snapshot!, SubscriberFailed);
        _editor = new(opening.Editor!, SubscriberFailed);
        _watch = new(opening.Watch!, SubscriberFailed);
        Activation = opening.Activation;
    }

    public string Id { get; }

    /// <summary>The grain activation this proxy is attached to.</summary>
    public Guid Activation { get; private set; }

    internal IRoomGrain Grain => _grain;

    /// <summary>When nothing on this node used the room since this time, the node lets go of it.</summary>
    public DateTimeOffset IdleSince { get; private set; } = DateTimeOffset.UtcNow;

    public bool InUse => !_connections.IsEmpty || _room.SubscriberCount + _editor.SubscriberCount + _watch.SubscriberCount > 0;

    public RoomSnapshot Snapshot => _room.Value;

    public EditorView EditorView => _editor.Value;

    public WatchState WatchState => _watch.Value;

    public IDisposable Subscribe(Action<RoomSnapshot> onChange) => _room.Subscribe(onChange);

    public IDisposable SubscribeEditor(Action<EditorView> onChange) => _editor.Subscribe(onChange);

    public IDisposable SubscribeWatch(Action<WatchState> onChange) => _watch.Subscribe(onChange);

    public async Task<JoinResult> JoinAsync(JoinRequest request, string connectionId, JoinCredentials credentials, EditorTransport transport = EditorTransport.Hub)
    {
        var result = await Call(grain => grain.JoinAsync(request, connectionId, credentials, transport));
        if (result.Status is JoinStatus.Joined or JoinStatus.Waiting) _connections[connectionId] = transport;
        return result;
    }

    public async Task LeaveAsync(string connectionId)
    {
        await Call(grain => grain.LeaveAsync(connectionId));
        Forget(connectionId);
    }

    public async Task ConnectionLostAsync(string connectionId, ConnectionLoss loss)
    {
        await Call(grain => grain.ConnectionLostAsync(connectionId, loss));
        Forget(connectionId);
    }

    /// <summary>A <c>/yjs</c> socket of this node opens the document: frames for it come back through this node.</summary>
    public Task<EditorReply> EditorOpenAsync(EditorPeer peer) => Call(grain => grain.EditorOpenAsync(Local(peer)));

    public Task<EditorReply> EditorReceiveAsync(EditorPeer peer, ReadOnlyMemory<byte> frame) =>
        Call(grain => grain.EditorReceiveAsync(Local(peer), frame));

    public async Task EditorPeerGoneAsync(string connectionId)
    {
        _node.Sockets.Unregister(connectionId);
        await Call(grain => grain.EditorPeerGoneAsync(connectionId));
    }

    private EditorPeer Local(EditorPeer peer)
    {
        if (peer.Transport != EditorTransport.WebSocket) return peer;
        if (peer.Send is { } send) _node.Sockets.Register(peer.ConnectionId, send);
        _connections.TryAdd(peer.ConnectionId, EditorTransport.WebSocket);
        return peer with { Node = _node.Id, Send = null };
    }

    private void Forget(string connectionId)
    {
        _connections.TryRemove(connectionId, out _);
        if (!InUse) IdleSince = DateTimeOffset.UtcNow;
    }

    internal void ApplyRoom(long version, RoomSnapshot snapshot) => _room.Apply(version, snapshot);

    internal void ApplyEditor(long version, EditorView view) => _editor.Apply(version, view);

    internal void ApplyWatch(long version, WatchState state) => _watch.Apply(version, state);

    /// <summary>
    /// Attached again (after being dropped, or to a new activation). A new activation knows nobody: this node's
    /// connections in the room are cut, and their clients reconnect and rejoin it.
    /// </summary>
    internal void Reattached(RoomOpening opening)
    {
        var moved = opening.Activation != Activation;
        Activation = opening.Activation;
        _room.Reset(opening.Snapshot!);
        _editor.Reset(opening.Editor!);
        _watch.Reset(opening.Watch!);
        if (!moved) return;
        RoomGrainLog.Reactivated(_logger, Id);
        foreach (var (connectionId, transport) in _connections)
        {
            _connections.TryRemove(connectionId, out _);
            _node.Cut(connectionId, transport);
        }
    }

    private async Task<T> Call<T>(Func<IRoomGrain, Task<T>> call)
    {
        IdleSince = DateTimeOffset.UtcNow;
        try { return await call(_grain); }
        catch (Exception e) when (e is not RoomUnavailableException)
        {
            _node.CheckSoon();
            throw new RoomUnavailableException(Id, e);
        }
    }

    private async Task Call(Func<IRoomGrain, Task> call) => await Call(async grain =>
    {
        await call(grain);
        return true;
    });

    private void SubscriberFailed(Exception e) => RoomGrainLog.SubscriberFailed(_logger, Id, e);
}
