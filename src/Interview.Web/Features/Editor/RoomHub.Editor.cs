using Interview.Web.Features.Editor;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// The editor over the room hub: y-websocket frames as byte arrays (docs/protocol.md). A frame larger than one hub
/// message travels as parts (<see cref="EditorSyncPart"/>) followed by its last piece (<see cref="EditorSync"/>).
/// </summary>
public sealed partial class RoomHub
{
    private const string UploadItem = "editor-upload";

    /// <summary>
    /// Handles one frame and returns the frames that answer it (sync step 2 and the server's step 1 for a step 1).
    /// Completes only after an update in the frame is committed to storage: completion is the acknowledgement.
    /// </summary>
    [OwnRateLimit]
    public async Task<byte[][]> EditorSync(byte[] frame)
    {
        var (room, participantId) = Current();
        var upload = TakeUpload();
        if (upload is not null)
        {
            upload.Write(frame);
            frame = upload.ToArray();
        }
        EditorRateLimit.Check(Context, frame.Length, EditorOptions);
        var reply = await room.EditorReceiveAsync(new EditorPeer(Context.ConnectionId, EditorTransport.Hub, participantId), frame);
        if (reply.Error is { } error) throw new HubException(error);
        return [.. reply.Frames];
    }

    /// <summary>A leading part of a frame too large for one hub message; the frame ends with <see cref="EditorSync"/>.</summary>
    [OwnRateLimit]
    public void EditorSyncPart(byte[] part)
    {
        Current();
        var options = EditorOptions;
        EditorRateLimit.Check(Context, part.Length, options);
        var upload = Context.Items.TryGetValue(UploadItem, out var item) ? (MemoryStream)item! : new MemoryStream();
        if (upload.Length + part.Length > options.MaxUpdateBytes + 1024)
        {
            Context.Items.Remove(UploadItem);
            throw new HubException($"This change is over the {options.MaxUpdateBytes / (1024 * 1024.0):0.#} MB limit for one change; it was not applied.");
        }
        upload.Write(part);
        Context.Items[UploadItem] = upload;
    }

    private MemoryStream? TakeUpload() =>
        Context.Items.Remove(UploadItem, out var item) ? (MemoryStream)item! : null;

    private EditorOptions EditorOptions =>
        Context.GetHttpContext()!.RequestServices.GetRequiredService<IOptions<EditorOptions>>().Value;

    /// <summary>The room this connection joined, if any (for the editor's connection lifetime filter).</summary>
    internal static IRoom? JoinedRoom(HubCallerContext context) =>
        context.Items.TryGetValue(RoomItem, out var room) ? room as IRoom : null;
}
