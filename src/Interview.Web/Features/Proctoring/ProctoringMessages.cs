using System.Text.Json.Serialization;
using Interview.Web.Features.Media;

namespace Interview.Web.Features.Proctoring;

/// <summary>What a candidate's browser noticed. Travels by name; the dashboard's <c>data-kind</c> is <see cref="FocusKinds.Attribute"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FocusKind>))]
public enum FocusKind
{
    /// <summary>The tab was hidden (another tab, minimized window): <c>visibilitychange</c> to hidden.</summary>
    Hidden = 0,
    /// <summary>The window lost focus (another window or application).</summary>
    Blur = 1,
    /// <summary>The page left full screen.</summary>
    FullscreenExit = 2,
    /// <summary>Text was pasted into the editor (the detail says how many characters, never what).</summary>
    Paste = 3,
    /// <summary>The page was reloaded.</summary>
    Reload = 4,
}

/// <summary>Which of a candidate's streams an observer asks for. Travels by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StreamKind>))]
public enum StreamKind
{
    /// <summary>The candidate's camera.</summary>
    Camera = 0,
    /// <summary>The candidate's screen (getDisplayMedia).</summary>
    Screen = 1,
}

public static class FocusKinds
{
    /// <summary>The <c>data-kind</c> of a timeline item: hidden | blur | fullscreen-exit | paste | reload.</summary>
    public static string Attribute(FocusKind kind) => kind switch
    {
        FocusKind.Hidden => "hidden",
        FocusKind.Blur => "blur",
        FocusKind.FullscreenExit => "fullscreen-exit",
        FocusKind.Paste => "paste",
        FocusKind.Reload => "reload",
        _ => "unknown",
    };

    public static string Label(FocusKind kind) => kind switch
    {
        FocusKind.Hidden => "Tab hidden",
        FocusKind.Blur => "Window lost focus",
        FocusKind.FullscreenExit => "Left full screen",
        FocusKind.Paste => "Pasted into the editor",
        FocusKind.Reload => "Reloaded the page",
        _ => kind.ToString(),
    };
}

/// <summary>A candidate's browser reports a focus event. <paramref name="Detail"/> is optional (≤ 200 characters).</summary>
public sealed record FocusReport(FocusKind Kind, string? Detail);

/// <summary>A stored focus event. <paramref name="Seq"/> numbers the events of one room (1, 2, …).</summary>
public sealed record FocusEvent(long Seq, string RoomId, string CandidateKey, string DisplayName, FocusKind Kind, string? Detail, DateTimeOffset At);

/// <summary>
/// An observer opens the dashboard of a test. <paramref name="Token"/> is the observer's credential (an observer
/// invite token or a bearer token with role observer for this test); <paramref name="WatcherId"/> reclaims the
/// watcher id this tab had before its hub connection dropped.
/// </summary>
public sealed record WatchExamRequest(string TestId, string? Token, string? WatcherId = null);

/// <summary>Answer to <c>WatchExam</c>: this tab's watcher id and the ICE servers for the candidates' streams.</summary>
public sealed record ExamWelcome(string WatcherId, string Name, IReadOnlyList<IceServer> IceServers);

/// <summary>Ask for (or stop) one stream of one candidate, by the candidate's participant id.</summary>
public sealed record StreamRequest(string CandidateId, StreamKind Kind);

/// <summary>One observer watching one of the candidate's streams.</summary>
public sealed record Watcher(string WatcherId, string Name, StreamKind Kind);

/// <summary>
/// Sent to a candidate whenever the set of observers watching them changes: the browser keeps exactly one
/// outgoing stream per entry (an empty list: nobody watches; every stream stops).
/// </summary>
public sealed record ObserversState(IReadOnlyList<Watcher> Watchers);

/// <summary>Answer to <c>ExamCandidateReady</c>: the test, who watches now, and the ICE servers for the streams.</summary>
public sealed record CandidateWelcome(string TestId, string ParticipantId, IReadOnlyList<Watcher> Watchers, IReadOnlyList<IceServer> IceServers);

/// <summary>
/// Signaling of one one-way stream between a candidate and an observer. <paramref name="Link"/> numbers the
/// candidate's attempts for this (observer, kind): a new number means a fresh peer connection (a retry).
/// Exactly one of <paramref name="Description"/>, <paramref name="Candidate"/>, <paramref name="Bye"/>.
/// </summary>
public sealed record ExamSignalRequest(string To, StreamKind Kind, int Link, SessionDescription? Description, IceCandidate? Candidate, bool Bye = false);

/// <summary>A relayed exam signal as its addressee receives it.</summary>
public sealed record ExamSignal(string From, StreamKind Kind, int Link, SessionDescription? Description, IceCandidate? Candidate, bool Bye);

/// <summary>One streaming session: an observer watching one stream of one candidate.</summary>
public sealed record ActiveStream(
    string TestId,
    string RoomId,
    string CandidateId,
    string CandidateName,
    string WatcherId,
    string WatcherName,
    StreamKind Kind,
    DateTimeOffset Since);
