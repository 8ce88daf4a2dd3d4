namespace Interview.Web.Features.Notes;

/// <summary>One scorecard line: a criterion and its rating, 1–5 (0 = not rated yet).</summary>
public sealed record ScoreCriterion(string Name, int Rating);

/// <summary>The interviewers' scorecard: criteria with ratings and a written summary.</summary>
public sealed record Scorecard(IReadOnlyList<ScoreCriterion> Criteria, string Summary)
{
    public static readonly Scorecard Default = new(
        [new("Problem solving", 0), new("Code quality", 0), new("Communication", 0), new("Testing", 0)], "");
}

/// <summary>
/// Private interviewer notes and the scorecard of a room, shared by its interviewers and saved with the session.
/// Never part of a room snapshot or any hub event: read only through <see cref="NotesService"/> by interviewers.
/// </summary>
public sealed record InterviewerNotes(string Notes, Scorecard Scorecard, string? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    public static readonly InterviewerNotes Empty = new("", Scorecard.Default, null, null);
}

/// <summary>What an interviewer saves (hub: <c>SaveInterviewerNotes</c>).</summary>
public sealed record InterviewerNotesInput(string? Notes, Scorecard? Scorecard);
