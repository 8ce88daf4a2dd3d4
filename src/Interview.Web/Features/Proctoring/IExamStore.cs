namespace Interview.Web.Features.Proctoring;

/// <summary>A candidate seen in a room of a test.</summary>
public sealed record ExamCandidateRecord(string RoomId, string CandidateKey, string DisplayName, DateTimeOffset FirstSeenAt);

/// <summary>A focus event before storage gives it its sequence number.</summary>
public sealed record FocusDraft(string RoomId, string CandidateKey, string DisplayName, FocusKind Kind, string? Detail, DateTimeOffset At);

/// <summary>Durable invigilation data: rooms of a test, candidates seen, focus events. Every method commits before it returns.</summary>
public interface IExamStore
{
    /// <summary>Makes the room part of the test (a room belongs to one test; assigning again moves it).</summary>
    Task AssignRoomAsync(string roomId, string testId, CancellationToken cancellationToken = default);

    /// <summary>The test the room belongs to, or null.</summary>
    Task<string?> GetRoomTestAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>Ids of the test's rooms.</summary>
    Task<IReadOnlyList<string>> GetRoomsAsync(string testId, CancellationToken cancellationToken = default);

    /// <summary>Records a candidate the first time it joins a room of a test (later calls change nothing).</summary>
    Task RememberCandidateAsync(ExamCandidateRecord candidate, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ExamCandidateRecord>> GetCandidatesAsync(string testId, CancellationToken cancellationToken = default);

    Task<FocusEvent> AppendFocusEventAsync(FocusDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Every focus event of the test's rooms, oldest first.</summary>
    Task<IReadOnlyList<FocusEvent>> GetFocusEventsAsync(string testId, CancellationToken cancellationToken = default);
}
