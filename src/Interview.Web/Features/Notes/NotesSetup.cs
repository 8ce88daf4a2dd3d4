namespace Interview.Web.Features.Notes;

public static class NotesSetup
{
    /// <summary>Private interviewer notes and scorecards, stored in the database (table <c>interviewer_notes</c>).</summary>
    public static void AddNotes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<INotesStore, NotesStore>();
        builder.Services.AddSingleton<NotesService>();
    }
}
