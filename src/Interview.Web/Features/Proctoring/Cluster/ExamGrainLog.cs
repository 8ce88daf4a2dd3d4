namespace Interview.Web.Features.Proctoring.Cluster;

internal static partial class ExamGrainLog
{
    [LoggerMessage(1, LogLevel.Warning, "Exam {TestId}: node {NodeId} did not take the exam's state and was detached", EventName = "ExamNodeDropped")]
    public static partial void NodeDropped(ILogger logger, string testId, string nodeId, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Exam {TestId} was reactivated on another node; its watchers here reconnect", EventName = "ExamReactivated")]
    public static partial void Reactivated(ILogger logger, string testId);

    [LoggerMessage(4, LogLevel.Error, "Exam {TestId}: a subscriber on this node failed", EventName = "ExamSubscriberFailed")]
    public static partial void SubscriberFailed(ILogger logger, string testId, Exception exception);
}
