using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Notes;

/// <summary>The caller may not read or write interviewer notes, or sent something invalid; the message says which.</summary>
public sealed class NotesException(string message) : Exception(message);

/// <summary>
/// Reads and saves a room's interviewer notes after asking the room actor for the caller's role, so the hub and the
/// Blazor panel share one check. Notes never pass through the actor's snapshots.
/// </summary>
public sealed class NotesService(INotesStore store, TimeProvider time)
{
    public const int MaxNotes = 20_000;
    public const int MaxSummary = 5_000;
    public const int MaxCriteria = 20;
    public const int MaxCriterionName = 80;

    public async Task<InterviewerNotes> GetAsync(IRoom room, string participantId)
    {
        await RequireInterviewerAsync(room, participantId);
        return await store.GetAsync(room.Id) ?? InterviewerNotes.Empty;
    }

    public async Task<InterviewerNotes> SaveAsync(IRoom room, string participantId, InterviewerNotesInput input)
    {
        var name = await RequireInterviewerAsync(room, participantId);
        var notes = Validate(input);
        var saved = notes with { UpdatedBy = name, UpdatedAt = time.GetUtcNow() };
        await store.SaveAsync(room.Id, saved);
        return saved;
    }

    private static async Task<string> RequireInterviewerAsync(IRoom room, string participantId)
    {
        if (await room.RoleOfAsync(participantId) is not { } role || !RolePolicy.CanReadNotes(role))
            throw new NotesException("Only interviewers can see and write the interview notes.");
        return room.Snapshot.Participants.FirstOrDefault(p => p.Id == participantId)?.DisplayName ?? "interviewer";
    }

    private static InterviewerNotes Validate(InterviewerNotesInput? input)
    {
        var text = (input?.Notes ?? "").Replace("\r\n", "\n");
        if (text.Length > MaxNotes) throw new NotesException($"Notes can be at most {MaxNotes} characters.");
        var card = input?.Scorecard ?? Scorecard.Default;
        var criteria = card.Criteria ?? [];
        if (criteria.Count > MaxCriteria) throw new NotesException($"A scorecard can have at most {MaxCriteria} criteria.");
        var clean = new List<ScoreCriterion>(criteria.Count);
        foreach (var criterion in criteria)
        {
            var name = (criterion?.Name ?? "").Trim();
            if (name.Length is 0 or > MaxCriterionName || name.Any(char.IsControl))
                throw new NotesException($"Each criterion needs a name of 1–{MaxCriterionName} characters.");
            if (criterion!.Rating is < 0 or > 5) throw new NotesException("Ratings go from 1 to 5 (0 = not rated).");
            clean.Add(new ScoreCriterion(name, criterion.Rating));
        }
        var summary = (card.Summary ?? "").Replace("\r\n", "\n");
        if (summary.Length > MaxSummary) throw new NotesException($"The summary can be at most {MaxSummary} characters.");
        return new InterviewerNotes(text, new Scorecard(clean, summary), null, null);
    }
}
