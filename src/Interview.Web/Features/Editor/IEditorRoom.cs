using System.Collections.Immutable;
using Interview.Web.Features.Execution;

namespace Interview.Web.Features.Editor;

/// <summary>What Blazor renders of the room's editor: the shared language and the runs (newest first).</summary>
public sealed record EditorView(string Language, ImmutableList<RunView> Runs)
{
    public RunView? Latest => Runs.IsEmpty ? null : Runs[0];
}

/// <summary>The editor of a room and the runs it shows (implemented by <see cref="RoomDocument"/>; every call is queued on the room's loop).</summary>
public interface IEditorRoom : IEditorCommands
{
    /// <summary>The latest published editor state.</summary>
    EditorView EditorView { get; }

    /// <summary>Calls <paramref name="onChange"/> with each new editor state until disposed. Must not block.</summary>
    IDisposable SubscribeEditor(Action<EditorView> onChange);
}

/// <summary>The room's editor commands; every member is a call on the room's grain.</summary>
public interface IEditorCommands
{
    /// <summary>A y-websocket client connected: returns the server's opening frames (sync step 1, awareness).</summary>
    Task<EditorReply> EditorOpenAsync(EditorPeer peer);

    /// <summary>Handles one y-websocket frame; completes after any update in it is committed to storage.</summary>
    Task<EditorReply> EditorReceiveAsync(EditorPeer peer, ReadOnlyMemory<byte> frame);

    /// <summary>The connection is gone (or left the room): its awareness states are removed for everyone.</summary>
    Task EditorPeerGoneAsync(string connectionId);

    /// <summary>Sets the room's language in <c>Y.Map('meta')</c>; returns an error message or null.</summary>
    Task<string?> SetLanguageAsync(string participantId, string language);

    Task<EditorStats> GetEditorStatsAsync();

    /// <summary>The editor text and language as the server has them.</summary>
    Task<(string Text, string Language)> ReadEditorAsync();
}
