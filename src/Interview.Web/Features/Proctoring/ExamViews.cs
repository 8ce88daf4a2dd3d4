using System.Collections.Immutable;

namespace Interview.Web.Features.Proctoring;

/// <summary>Presence of a candidate on the dashboard (<c>data-state</c>).</summary>
public enum CandidateState
{
    /// <summary>In the room with a live connection.</summary>
    Connected,
    /// <summary>The connection dropped; the room keeps the seat for its grace period.</summary>
    Reconnecting,
    /// <summary>Not in the room.</summary>
    Offline,
}

/// <summary>One candidate card: who, where, presence, who watches, and the focus timeline (newest last).</summary>
public sealed record CandidateView(
    string Key,
    string RoomId,
    string? ParticipantId,
    string Name,
    CandidateState State,
    ImmutableArray<Watcher> WatchedBy,
    int EventCount,
    ImmutableArray<FocusEvent> Timeline)
{
    public FocusEvent? LastEvent => Timeline.IsEmpty ? null : Timeline[^1];
}

/// <summary>An immutable picture of one test's invigilation, published after every change; the dashboard renders from it.</summary>
public sealed record ExamSnapshot(string TestId, ImmutableArray<CandidateView> Candidates, ImmutableArray<ActiveStream> Streams)
{
    public static ExamSnapshot Empty(string testId) => new(testId, [], []);
}
