namespace Interview.Web.Features.Rooms;

/// <summary>
/// Roles, lobby and interviewer powers of a room (implemented by the room actor). Each method that takes
/// <c>byParticipantId</c> returns null when done, or the reason it was refused (the caller is not an interviewer, …).
/// </summary>
public interface IRoomRoles
{
    /// <summary>The role of an admitted participant; null for anyone else (waiting, removed, unknown).</summary>
    Task<ParticipantRole?> RoleOfAsync(string participantId);

    Task<string?> AdmitAsync(string byParticipantId, string participantId);

    /// <summary>Turns a waiting candidate away; that session cannot ask again.</summary>
    Task<string?> DenyAsync(string byParticipantId, string participantId);

    /// <summary>Lobby on/off (off admits everyone waiting) and the editor lock (read-only for candidates).</summary>
    Task<string?> ChangeSettingsAsync(string byParticipantId, RoomSettingsRequest request);

    /// <summary>Asks the participant's browser to mute its microphone.</summary>
    Task<string?> MuteAsync(string byParticipantId, string participantId);

    /// <summary>Removes a candidate or observer now; the session (and a named invite) cannot join again.</summary>
    Task<string?> RemoveParticipantAsync(string byParticipantId, string participantId);
}
