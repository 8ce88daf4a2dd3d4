namespace Interview.Web.Features.Proctoring.Cluster;

/// <summary>
/// One test's invigilation in the cluster: one activation hosting the exam's actor. Each web node that shows the
/// exam keeps an <see cref="ExamProxy"/> attached.
/// </summary>
public interface IExamGrain : IGrainWithStringKey, IExamCommands
{
    /// <summary>Loads the exam if needed and attaches node <paramref name="nodeId"/>, which from now on receives its snapshots.</summary>
    Task<ExamOpening> AttachAsync(string nodeId, IExamNodeObserver node);

    /// <summary>Keeps the node attached; false when it was not attached to <paramref name="activation"/> (dropped, or the exam was reactivated).</summary>
    Task<bool> KeepAttachedAsync(string nodeId, IExamNodeObserver node, Guid activation);

    /// <summary>The node shows the exam to nobody any more.</summary>
    Task DetachAsync(string nodeId);
}

/// <summary>An exam's state as an attaching node first sees it.</summary>
public sealed record ExamOpening(Guid Activation, ExamSnapshot Snapshot);

/// <summary>What an exam sends the nodes attached to it.</summary>
public interface IExamNodeObserver : IGrainObserver
{
    Task ExamChanged(string testId, long version, ExamSnapshot snapshot);
}
