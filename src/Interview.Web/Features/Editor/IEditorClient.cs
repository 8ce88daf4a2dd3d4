namespace Interview.Web.Features.Editor;

/// <summary>Server→client calls of the collaborative editor (part of the room hub's client, <c>IRoomClient</c>).</summary>
public interface IEditorClient
{
    /// <summary>A y-websocket frame (sync update or awareness, docs/protocol.md) another connection caused.</summary>
    Task EditorFrame(byte[] frame);
}
