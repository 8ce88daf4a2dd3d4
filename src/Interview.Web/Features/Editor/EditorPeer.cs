using System.Text.Json.Serialization;

namespace Interview.Web.Features.Editor;

/// <summary>How a connection to the editor is reached: the room hub, or the plain y-websocket endpoint.</summary>
public enum EditorTransport
{
    Hub,
    WebSocket,
}

/// <summary>
/// One connection taking part in a room's document, on behalf of the admitted participant <paramref name="ParticipantId"/>
/// (its role decides what it may change; its edits carry it as author). A WebSocket peer lives on node
/// <paramref name="Node"/> and is reached through <see cref="Send"/>, which each side sets for itself (the socket's
/// node delivers to the socket; the room's grain sends to that node); hub peers are reached through the hub's editor
/// group instead.
/// </summary>
public sealed record EditorPeer(string ConnectionId, EditorTransport Transport, string ParticipantId, string? Node = null)
{
    /// <summary>Delivers a frame to a WebSocket peer; never crosses nodes.</summary>
    [JsonIgnore]
    public Func<byte[], ValueTask>? Send { get; init; }
}

/// <summary>
/// What the room answers to an editor frame: frames for the sender, or an error that rejected the frame. For an
/// update, <see cref="Commit"/> completes when it is committed (null) or was refused after all (the message).
/// </summary>
public sealed record EditorReply(IReadOnlyList<byte[]> Frames, string? Error)
{
    /// <summary>Completes when the update is committed; the room awaits it before answering, so it never crosses nodes.</summary>
    [JsonIgnore]
    public Task<string?>? Commit { get; init; }

    public static readonly EditorReply Empty = new([], null);

    public static EditorReply Rejected(string error) => new([], error);
}
