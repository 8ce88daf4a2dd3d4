namespace Interview.Web.Features.Rooms;

/// <summary>Server→client calls of roles, lobby and interviewer powers. Each goes to one connection, never the group.</summary>
public interface IRolesClient
{
    /// <summary>To a waiting candidate: an interviewer let them in; the client joins again with its session key.</summary>
    Task LobbyAdmitted();

    /// <summary>To interviewers: who waits in the lobby now (oldest first).</summary>
    Task LobbyChanged(IReadOnlyList<ParticipantView> waiting);

    /// <summary>To one participant: an interviewer muted them; the browser turns its microphone off.</summary>
    Task MuteRequested(MuteRequest request);

    /// <summary>To a removed participant or a candidate turned away from the lobby: this session is out of the room.</summary>
    Task Removed(RemovedNotice notice);

    /// <summary>To everyone in the room: the room's settings changed (lobby, editor lock).</summary>
    Task RoomSettingsChanged(RoomView room);
}
