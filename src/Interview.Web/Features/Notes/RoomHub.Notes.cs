using Interview.Web.Features.Notes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>Private interviewer notes and scorecard: answered to interviewers only, never broadcast.</summary>
public sealed partial class RoomHub
{
    public async Task<InterviewerNotes> GetInterviewerNotes([FromServices] NotesService notes)
    {
        var (room, self) = Current();
        try { return await notes.GetAsync(room, self); }
        catch (NotesException e) { throw new HubException(e.Message); }
    }

    public async Task<InterviewerNotes> SaveInterviewerNotes(InterviewerNotesInput input, [FromServices] NotesService notes)
    {
        var (room, self) = Current();
        try { return await notes.SaveAsync(room, self, input); }
        catch (NotesException e) { throw new HubException(e.Message); }
    }
}
