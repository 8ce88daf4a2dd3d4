namespace Interview.Web.Features.Playback;

/// <summary>One step of the document's history: a Yjs v1 update, who made it (null: the server) and when (Unix ms).</summary>
public sealed record HistoryStep(long Seq, byte[] Update, string? AuthorId, string? AuthorName, long AtMs);

/// <summary>
/// A page of the document's history (hub method <c>EditorHistory</c>). <see cref="Base"/> is the state through
/// <see cref="BaseSeq"/> (null when the page does not start at the base, or the history starts from an empty
/// document); <see cref="Steps"/> follow it, oldest first; <see cref="More"/> when later steps exist.
/// </summary>
public sealed record HistoryPageMessage(long BaseSeq, byte[]? Base, long? BaseAtMs, HistoryStep[] Steps, bool More);
