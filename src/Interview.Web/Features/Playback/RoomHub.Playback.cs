using Interview.Web.Features.Editor;
using Interview.Web.Features.Playback;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>Session playback over the room hub: the document's history, in pages, for participants of the room.</summary>
public sealed partial class RoomHub
{
    /// <summary>Updates per page stay under this (a single larger update still travels alone), so a history page never
    /// holds the connection's editor frames up for long.</summary>
    internal const int HistoryPageBytes = 512 * 1024;

    /// <summary>
    /// The history after <paramref name="afterSeq"/> (0: from the start). Reads committed history straight from
    /// storage, beside the room actor. Only a participant who joined the room may read it.
    /// </summary>
    public async Task<HistoryPageMessage> EditorHistory(long afterSeq)
    {
        var (room, participantId) = Current();
        // Storage is read beside the actor, so ask it first whether the caller is still in the room (not removed).
        if (!await room.IsParticipantAsync(participantId)) throw new HubException("Join a room first.");
        var store = Context.GetHttpContext()!.RequestServices.GetRequiredService<IDocumentStore>();
        var page = await store.ReadHistoryAsync(room.Id, Math.Max(0, afterSeq), HistoryPageBytes, Context.ConnectionAborted);
        return new HistoryPageMessage(page.BaseSeq, page.Base, page.BaseAt?.ToUnixTimeMilliseconds(),
            [.. page.Updates.Select(u => new HistoryStep(u.Seq, u.Data, u.Author, u.AuthorName, u.At.ToUnixTimeMilliseconds()))],
            page.More);
    }
}
