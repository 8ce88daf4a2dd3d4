using Interview.Web.Features.Editor;
using Interview.Web.Shared.Cluster;
using Microsoft.AspNetCore.SignalR;
using Orleans.Concurrency;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>
/// Hosts one room's actor in the cluster. The actor keeps its own mailbox, so the grain is reentrant and only routes:
/// commands go to the actor; the actor's published state goes to the attached nodes (<see cref="RoomPublisher"/>);
/// frames for a <c>/yjs</c> socket go to the node holding it. A command returns after its resulting state reached every
/// attached node.
/// </summary>
[Reentrant]
internal sealed partial class RoomGrain(
    RoomLoader loader,
    IHubContext<RoomHub, IRoomClient> hub,
    IRoomStore store,
    Recordings.RecordingFiles recordingFiles,
    TimeProvider time,
    ILogger<RoomGrain> logger) : Grain, IRoomGrain, IYjsSocketCloser
{
    private readonly Guid _activation = Guid.NewGuid();
    private readonly AttachedNodes<IRoomNodeObserver> _nodes = new(time);
    private RoomPublisher? _publisher;
    private RoomActor? _actor;
    private RoomOpenStatus _status = RoomOpenStatus.NotFound;
    private readonly List<IDisposable> _subscriptions = [];

    private string RoomId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            _actor = RoomTokens.IsRoomId(RoomId) ? await loader.LoadAsync(RoomId, new HubRoomBroadcaster(hub, this)) : null;
            _status = _actor is null ? RoomOpenStatus.NotFound : RoomOpenStatus.Open;
        }
        catch (RoomUnavailableException e)
        {
            RoomGrainLog.LoadFailed(logger, RoomId, e);
            _status = RoomOpenStatus.Unavailable;
        }
        if (_actor is null) return; // answers its first call, then goes (AttachAsync)
        RoomGrainLog.Active(logger, RoomId);
        var publisher = _publisher = new RoomPublisher(RoomId, _nodes, logger);
        _subscriptions.Add(_actor.Subscribe(publisher.Room));
        _subscriptions.Add(_actor.Document.SubscribeEditor(publisher.Editor));
        _subscriptions.Add(_actor.Watch.SubscribeWatch(publisher.Watch));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        if (_actor is not null) await _actor.DisposeAsync();
    }

    public Task<RoomOpening> AttachAsync(string nodeId, IRoomNodeObserver node)
    {
        if (_actor is null)
        {
            DeactivateOnIdle(); // nothing is kept: the next caller loads again
            return Task.FromResult(new RoomOpening(_status, _activation, null, null, null));
        }
        _nodes.Keep(nodeId, node);
        return Task.FromResult(new RoomOpening(RoomOpenStatus.Open, _activation, _actor.Snapshot, _actor.Document.EditorView, _actor.Watch.WatchState));
    }

    public Task<bool> KeepAttachedAsync(string nodeId, IRoomNodeObserver node, Guid activation)
    {
        if (_actor is null || activation != _activation || _nodes.Find(nodeId) is null) return Task.FromResult(false);
        _nodes.Keep(nodeId, node);
        return Task.FromResult(true);
    }

    public Task DetachAsync(string nodeId)
    {
        _nodes.Remove(nodeId);
        return Task.CompletedTask;
    }

    public async Task DeleteAsync()
    {
        if (_actor is not null)
        {
            foreach (var subscription in _subscriptions) subscription.Dispose();
            _subscriptions.Clear();
            await _actor.DisposeAsync();
            _actor = null;
        }
        _status = RoomOpenStatus.NotFound;
        await store.DeleteRoomAsync(RoomId);
        recordingFiles.DeleteRoom(RoomId);
        await _nodes.TellAllAsync(node => node.RoomGone(RoomId), NodeDropped);
        DeactivateOnIdle();
    }

    /// <summary>Closes a <c>/yjs</c> socket on whichever attached node holds it.</summary>
    public async Task CloseAsync(string connectionId, string reason)
    {
        await _nodes.TellAllAsync(node => node.CloseSocket(connectionId, reason), NodeDropped);
    }

    private RoomActor Actor => _actor ?? throw new RoomUnavailableException(RoomId, null);

    /// <summary>Runs a command, then waits until the state it produced reached the attached nodes.</summary>
    private async Task<T> Command<T>(Func<RoomActor, Task<T>> command)
    {
        var result = await command(Actor);
        if (_publisher is { } publisher) await publisher.FlushAsync();
        return result;
    }

    private async Task Command(Func<RoomActor, Task> command)
    {
        await command(Actor);
        if (_publisher is { } publisher) await publisher.FlushAsync();
    }

    /// <summary>A WebSocket peer is reached through its node; the grain gives it a sender that goes there.</summary>
    private EditorPeer Routed(EditorPeer peer) =>
        peer.Transport != EditorTransport.WebSocket || peer.Node is not { } nodeId ? peer : peer with
        {
            Send = frame =>
            {
                _nodes.Find(nodeId)?.SocketFrame(peer.ConnectionId, frame);
                return ValueTask.CompletedTask;
            },
        };

    private void NodeDropped(string nodeId, Exception e) => RoomGrainLog.NodeDropped(logger, RoomId, nodeId, e);
}
