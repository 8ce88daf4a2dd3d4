using Interview.Web.Shared.Cluster;

namespace Interview.Web.Features.Proctoring.Cluster;

/// <summary>Carries an exam's newest snapshot to the nodes attached to it (<see cref="StatePublisher{TPending}"/>).</summary>
internal sealed class ExamPublisher(string testId, AttachedNodes<IExamNodeObserver> nodes, ILogger logger) : StatePublisher<ExamSnapshot?>
{
    private ExamSnapshot? _pending;

    public void Exam(ExamSnapshot snapshot) => Publish(() => _pending = snapshot);

    protected override ExamSnapshot? TakePending()
    {
        var pending = _pending;
        _pending = null;
        return pending;
    }

    protected override Task DeliverAsync(long version, ExamSnapshot? pending) => pending is null ? Task.CompletedTask
        : nodes.TellAllAsync(node => node.ExamChanged(testId, version, pending), (nodeId, e) => ExamGrainLog.NodeDropped(logger, testId, nodeId, e));
}
