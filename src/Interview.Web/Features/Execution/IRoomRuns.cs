namespace Interview.Web.Features.Execution;

/// <summary>Run for everyone: the room's run commands; every member is a call on the room's grain.</summary>
public interface IRoomRuns
{
    /// <summary>Runs the editor's text in the room's language for everyone to see; returns an error message or null.</summary>
    Task<string?> StartRunAsync(string participantId, string? stdin);

    /// <summary>Cancels the run in progress, if any.</summary>
    Task CancelRunAsync(string participantId);
}
