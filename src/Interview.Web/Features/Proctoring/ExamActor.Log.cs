namespace Interview.Web.Features.Proctoring;

internal sealed partial class ExamActor
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Exam {TestId}: a snapshot subscriber failed", EventName = "SubscriberFailed")]
        public static partial void SubscriberFailed(ILogger logger, string testId, Exception exception);

        [LoggerMessage(2, LogLevel.Information, "Exam {TestId}: watcher {WatcherId} asked for the {Kind} of {CandidateId}", EventName = "StreamRequested")]
        public static partial void StreamRequested(ILogger logger, string testId, string watcherId, string candidateId, StreamKind kind);
    }
}
