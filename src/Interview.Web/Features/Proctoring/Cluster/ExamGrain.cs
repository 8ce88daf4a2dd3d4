using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Cluster;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Interview.Web.Features.Proctoring.Cluster;

/// <summary>
/// Hosts one test's exam actor in the cluster. Like the room grain it only routes: commands to the actor (its own
/// mailbox orders them), snapshots to the attached nodes; a command returns after its snapshot reached them.
/// </summary>
[Reentrant]
internal sealed partial class ExamGrain(
    IExamStore store,
    IRoomRegistry rooms,
    IExamBroadcaster clients,
    IOptions<ProctoringOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : Grain, IExamGrain
{
    private readonly Guid _activation = Guid.NewGuid();
    private readonly AttachedNodes<IExamNodeObserver> _nodes = new(time);
    private readonly ILogger _logger = loggers.CreateLogger("Interview.Proctoring");
    private ExamActor? _actor;
    private ExamPublisher? _publisher;
    private IDisposable? _subscription;

    private string TestId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var actor = new ExamActor(TestId, store, rooms, clients, options.Value, time, _logger);
        await actor.LoadAsync(await store.GetRoomsAsync(TestId));
        _publisher = new ExamPublisher(TestId, _nodes, _logger);
        _subscription = actor.Subscribe(_publisher.Exam);
        _actor = actor;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        if (_actor is not null) await _actor.DisposeAsync();
    }

    private ExamActor Actor => _actor ?? throw new InvalidOperationException($"exam {TestId} is not loaded");

    public Task<ExamOpening> AttachAsync(string nodeId, IExamNodeObserver node)
    {
        _nodes.Keep(nodeId, node);
        return Task.FromResult(new ExamOpening(_activation, Actor.Snapshot));
    }

    public Task<bool> KeepAttachedAsync(string nodeId, IExamNodeObserver node, Guid activation)
    {
        if (activation != _activation || _nodes.Find(nodeId) is null) return Task.FromResult(false);
        _nodes.Keep(nodeId, node);
        return Task.FromResult(true);
    }

    public Task DetachAsync(string nodeId)
    {
        _nodes.Remove(nodeId);
        return Task.CompletedTask;
    }

    private async Task<T> Command<T>(Func<ExamActor, Task<T>> command)
    {
        var result = await command(Actor);
        await _publisher!.FlushAsync();
        return result;
    }

    private async Task Command(Func<ExamActor, Task> command)
    {
        await command(Actor);
        await _publisher!.FlushAsync();
    }
}
