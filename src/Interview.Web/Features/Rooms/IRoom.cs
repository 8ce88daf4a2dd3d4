using System.Collections.Immutable;
using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;

namespace Interview.Web.Features.Rooms;

/// <summary>An immutable picture of a room, published after every change; Blazor components render from it.</summary>
public sealed record RoomSnapshot(RoomView Room, ImmutableArray<ParticipantView> Participants, ImmutableList<ChatMessage> Chat);

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
/// and events leave in the order they happened. Kept behind this interface so the room can later live in a grain.
/// </summary>
public interface IRoom : Media.IRoomMedia, IEditorRoom, Proctoring.IProctoredRoom
{
    string Id { get; }

    /// <summary>The latest published state.</summary>
    RoomSnapshot Snapshot { get; }

    /// <summary>Calls <paramref name="onChange"/> with each new snapshot until disposed. The callback must not block.</summary>
    IDisposable Subscribe(Action<RoomSnapshot> onChange);

    /// <summary>Joins, or resumes the participant holding the same session key. <paramref name="ownerToken"/> proves the creator.</summary>
    Task<JoinResult> JoinAsync(JoinRequest request, string connectionId, string? ownerToken);

    /// <summary>The connection left on purpose (or closed cleanly): its participant leaves now.</summary>
    Task LeaveAsync(string connectionId);

    /// <summary>The connection dropped or its page went away: the participant shows as reconnecting until the grace period ends.</summary>
    Task ConnectionLostAsync(string connectionId, ConnectionLoss loss);

    Task<ChatPostResult> PostChatAsync(string participantId, string? text);

    /// <summary>Ends the room if <paramref name="participantId"/> is its creator; returns false otherwise.</summary>
    Task<bool> EndAsync(string participantId);

    /// <summary>True when nobody is in the room (connected or reconnecting).</summary>
    Task<bool> IsEmptyAsync();
}
