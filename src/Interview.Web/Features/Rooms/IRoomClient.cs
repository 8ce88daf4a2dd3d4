using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;

namespace Interview.Web.Features.Rooms;

/// <summary>Every server→client call of the room hub. Sent to the room's group only.</summary>
public interface IRoomClient : Media.ISignalingClient, IEditorClient, Watch.IWatchClient, IRolesClient, Proctoring.IProctoringClient
{
    /// <summary>Someone joined (or came back after the grace period ended).</summary>
    Task ParticipantJoined(ParticipantView participant);

    /// <summary>A participant's presence changed (connected ↔ reconnecting).</summary>
    Task ParticipantChanged(ParticipantView participant);

    /// <summary>A participant left, or their grace period ended.</summary>
    Task ParticipantLeft(string participantId);

    /// <summary>A chat message was stored.</summary>
    Task ChatPosted(ChatMessage message);

    /// <summary>The room's creator ended the room; the connection is no longer part of it.</summary>
    Task RoomEnded();
}
