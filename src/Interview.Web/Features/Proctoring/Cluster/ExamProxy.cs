using System.Collections.Concurrent;
using Interview.Web.Shared.Cluster;

namespace Interview.Web.Features.Proctoring.Cluster;

/// <summary>
/// An exam as this node sees it: commands go to the exam's grain; its snapshots are mirrored here for the dashboard.
/// Remembers this node's watcher connections, which are cut when the exam is reactivated elsewhere (their pages
/// reconnect and reclaim their watcher).
/// </summary>
internal sealed partial class ExamProxy : IExam
{
    private readonly IExamGrain _grain;
    private readonly ExamNode _node;
    private readonly Mirror<ExamSnapshot> _exam;
    private readonly ConcurrentDictionary<string, bool> _watchers = new(StringComparer.Ordinal);

    public ExamProxy(string testId, IExamGrain grain, ExamNode node, ExamOpening opening, ILogger logger)
    {
        TestId = testId;
        _grain = grain;
        _node = node;
        _exam = new(opening.Snapshot, e => ExamGrainLog.SubscriberFailed(logger, testId, e));
        Activation = opening.Activation;
    }

    public string TestId { get; }

    public Guid Activation { get; private set; }

    internal IExamGrain Grain => _grain;

    public DateTimeOffset IdleSince { get; private set; } = DateTimeOffset.UtcNow;

    public bool InUse => !_watchers.IsEmpty || _exam.SubscriberCount > 0;

    public ExamSnapshot Snapshot => _exam.Value;

    public IDisposable Subscribe(Action<ExamSnapshot> onChange) => _exam.Subscribe(onChange);

    public async Task<string> AttachWatcherAsync(ExamObserver observer, string connectionId, string? reclaim)
    {
        var watcherId = await Call(grain => grain.AttachWatcherAsync(observer, connectionId, reclaim));
        _watchers[connectionId] = true;
        return watcherId;
    }

    public async Task DetachConnectionAsync(string connectionId)
    {
        await Call(grain => grain.DetachConnectionAsync(connectionId));
        _watchers.TryRemove(connectionId, out _);
        if (!InUse) IdleSince = DateTimeOffset.UtcNow;
    }

    internal void Apply(long version, ExamSnapshot snapshot) => _exam.Apply(version, snapshot);

    /// <summary>Attached again; for a new activation this node's watcher connections are cut so that they reattach.</summary>
    internal void Reattached(ExamOpening opening, Action<string> cut)
    {
        var moved = opening.Activation != Activation;
        Activation = opening.Activation;
        _exam.Reset(opening.Snapshot);
        if (!moved) return;
        foreach (var connectionId in _watchers.Keys)
        {
            _watchers.TryRemove(connectionId, out _);
            cut(connectionId);
        }
    }

    private async Task<T> Call<T>(Func<IExamGrain, Task<T>> call)
    {
        IdleSince = DateTimeOffset.UtcNow;
        try { return await call(_grain); }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            _node.CheckSoon();
            throw new Rooms.RoomUnavailableException("exam " + TestId, e);
        }
    }

    private async Task Call(Func<IExamGrain, Task> call) => await Call(async grain =>
    {
        await call(grain);
        return true;
    });
}
