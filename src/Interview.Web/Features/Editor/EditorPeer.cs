namespace Interview.Web.Features.Editor;

/// <summary>How a connection to the editor is reached: the room hub, or the plain y-websocket endpoint.</summary>
public enum EditorTransport
{
    Hub,
    WebSocket,
}

/// <summary>
/// One connection taking part in a room's document. <paramref name="Send"/> delivers a frame to it (WebSocket
/// peers); hub peers are reached through the hub's editor group instead. <paramref name="Role"/> is the role of a
/// y-websocket peer (from its invite; a candidate in an open room); hub peers have their participant's role.
/// </summary>
public sealed record EditorPeer(string ConnectionId, EditorTransport Transport, string? ParticipantId, Func<byte[], ValueTask>? Send = null,
    Rooms.ParticipantRole? Role = null);

/// <summary>What the room answers to an editor frame: frames for the sender, or an error that rejected the frame.</summary>
public sealed record EditorReply(IReadOnlyList<byte[]> Frames, string? Error)
{
    public static readonly EditorReply Empty = new([], null);

    public static EditorReply Rejected(string error) => new([], error);
}
