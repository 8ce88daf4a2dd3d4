namespace Interview.Web.Features.Proctoring;

/// <summary>An observer watching a test's dashboard, as the exam knows it.</summary>
public sealed record ExamObserver(string Name);

/// <summary>
/// One test's invigilation: a single-writer actor over the candidates of the test's rooms, the observers on its
/// dashboard and the streams between them. On a node it is a proxy of the exam's grain (one activation in the cluster).
/// </summary>
public interface IExam : IExamCommands
{
    string TestId { get; }

    ExamSnapshot Snapshot { get; }

    /// <summary>Calls <paramref name="onChange"/> with each new snapshot until disposed. The callback must not block.</summary>
    IDisposable Subscribe(Action<ExamSnapshot> onChange);
}

/// <summary>What an exam does on request; every member is a call on the exam's grain.</summary>
public interface IExamCommands
{
    /// <summary>Starts watching the room's participants (its candidates appear on the dashboard).</summary>
    Task TrackRoomAsync(string roomId);

    /// <summary>An observer's connection opens the dashboard; <paramref name="reclaim"/> is the watcher id it had before a reconnect.</summary>
    Task<string> AttachWatcherAsync(ExamObserver observer, string connectionId, string? reclaim);

    /// <summary>The connection closed: its watcher and every stream it watched end.</summary>
    Task DetachConnectionAsync(string connectionId);

    /// <summary>Null when done, else why not (for the observer).</summary>
    Task<string?> RequestStreamAsync(string watcherId, string connectionId, StreamRequest request);

    Task<string?> StopStreamAsync(string watcherId, string connectionId, StreamRequest request);

    /// <summary>The candidate's browser (re)started its invigilation module: the observers watching it now.</summary>
    Task<IReadOnlyList<Watcher>> CandidateReadyAsync(string roomId, RoomMember candidate);

    /// <summary>The watcher's connection, if the candidate streams <paramref name="kind"/> to that watcher.</summary>
    Task<string?> WatcherConnectionAsync(string candidateId, string watcherId, StreamKind kind);

    /// <summary>The candidate's participant id and room, if the watcher (on that connection) watches them.</summary>
    Task<(string RoomId, string ParticipantId)?> WatchedCandidateAsync(string watcherId, string connectionId, string candidateId, StreamKind kind);

    /// <summary>Stores a focus event of a candidate of one of the test's rooms and shows it on the dashboard; null with an error when refused.</summary>
    Task<(FocusEvent? Event, string? Error)> RecordFocusAsync(string roomId, RoomMember candidate, FocusReport report);
}
