namespace Interview.Web.Features.Editor;

/// <summary>How a connection to the editor is reached: the room hub, or the plain y-websocket endpoint.</summary>
public enum EditorTransport
{
    Hub,
    WebSocket,
}

/// <summary>
/// One connection taking part in a room's document, on behalf of the admitted participant <paramref name="ParticipantId"/>
/// (its role decides what it may change; its edits carry it as author). <paramref name="Send"/> delivers a frame to it
/// (WebSocket peers); hub peers are reached through the hub's editor group instead.
/// </summary>
public sealed record EditorPeer(string ConnectionId, EditorTransport Transport, string ParticipantId, Func<byte[], ValueTask>? Send = null);

/// <summary>
/// What the room answers to an editor frame: frames for the sender, or an error that rejected the frame. For an
/// update, <paramref name="Commit"/> completes when it is committed (null) or was refused after all (the message).
/// </summary>
public sealed record EditorReply(IReadOnlyList<byte[]> Frames, string? Error, Task<string?>? Commit = null)
{
    public static readonly EditorReply Empty = new([], null);

    public static EditorReply Rejected(string error) => new([], error);
}
