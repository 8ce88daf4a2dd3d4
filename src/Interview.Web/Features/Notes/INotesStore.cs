namespace Interview.Web.Features.Notes;

/// <summary>Durable interviewer notes, one record per room. Every method commits before it returns.</summary>
public interface INotesStore
{
    Task<InterviewerNotes?> GetAsync(string roomId, CancellationToken cancellationToken = default);
    Task SaveAsync(string roomId, InterviewerNotes notes, CancellationToken cancellationToken = default);
}
