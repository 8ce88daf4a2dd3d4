using System.Collections.Immutable;
using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Recordings;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// An immutable picture of a room, published after every change; Blazor components render from it. It never
/// leaves the server as a whole: components decide per role what to render (the lobby only for interviewers).
/// </summary>
public sealed record RoomSnapshot(RoomView Room, ImmutableArray<ParticipantView> Participants, ImmutableList<ChatMessage> Chat, ImmutableArray<ParticipantView> Lobby)
{
    /// <summary>Recordings uploaded to the room, oldest first.</summary>
    public ImmutableList<RoomRecording> Recordings { get; init; } = [];
}

/// <summary>
/// What a join presents besides the request: the owner cookie's secret, and the invite it carried as checked by
/// the invite service (null when none was given).
/// </summary>
public sealed record JoinCredentials(string? OwnerToken, Invites.InviteCheck? Invite = null);

/// <summary>How a connection was lost; each kind has its own grace period (<see cref="RoomOptions"/>).</summary>
public enum ConnectionLoss
{
    /// <summary>The network or the server dropped it.</summary>
    Dropped,
    /// <summary>The page said it was closing or reloading.</summary>
    PageHidden,
}

/// <summary>Result of posting a chat message: the stored message, or an error for the sender.</summary>
public sealed record ChatPostResult(ChatMessage? Message, string? Error);

/// <summary>
/// One room: a single-writer actor. Every mutation is queued and applied one at a time, so room state needs no locks
/// and events leave in the order they happened. On a node, a room is a proxy of its grain (the one activation in the
/// cluster): commands go to the grain, and the published state (snapshot, editor view, watch state) is mirrored here.
/// </summary>
public interface IRoom : IRoomCommands, Media.IRoomMedia, IEditorRoom, Execution.IRoomRuns, Recordings.IRoomRecordings, Watch.IWatchRoom, IRoomRoles, Proctoring.IProctoredRoom
{
    string Id { get; }

    /// <summary>The latest published state.</summary>
    RoomSnapshot Snapshot { get; }

    /// <summary>Calls <paramref name="onChange"/> with each new snapshot until disposed. The callback must not block.</summary>
    IDisposable Subscribe(Action<RoomSnapshot> onChange);
}

/// <summary>What a room does on request: joining, leaving, chat, ending. Every member is a call on the room's grain.</summary>
public interface IRoomCommands
{
    /// <summary>
    /// Joins, or resumes the participant holding the same session key (a hub connection and a <c>/yjs</c> socket of
    /// one person are one participant). The owner cookie makes an interviewer; else a valid invite gives its role;
    /// else an open room makes a candidate. Candidates wait in a lobby when it is on, and so does a second browser
    /// presenting a named invite that someone holds; a <c>/yjs</c> socket cannot wait and is refused instead.
    /// </summary>
    Task<JoinResult> JoinAsync(JoinRequest request, string connectionId, JoinCredentials credentials,
        EditorTransport transport = EditorTransport.Hub);

    /// <summary>The admitted participant holding <paramref name="sessionKey"/>, or null (the page proves who it renders for).</summary>
    Task<string?> FindParticipantAsync(string sessionKey);

    /// <summary>The connection left on purpose (or closed cleanly): its participant leaves now.</summary>
    Task LeaveAsync(string connectionId);

    /// <summary>The connection dropped or its page went away: the participant shows as reconnecting until the grace period ends.</summary>
    Task ConnectionLostAsync(string connectionId, ConnectionLoss loss);

    Task<ChatPostResult> PostChatAsync(string participantId, string? text);

    /// <summary>Ends the room if <paramref name="participantId"/> is an interviewer; returns false otherwise.</summary>
    Task<bool> EndAsync(string participantId);

    /// <summary>True when nobody is in the room (connected or reconnecting).</summary>
    Task<bool> IsEmptyAsync();
}
