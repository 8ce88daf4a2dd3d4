namespace Interview.Web.Features.Editor;

/// <summary>One appended Yjs update of a room's document, with who made it (participant id and display name) and when.</summary>
public sealed record StoredUpdate(long Seq, byte[] Data, string? Author, DateTimeOffset At, string? AuthorName = null);

/// <summary>A room document as stored: the latest snapshot (encoded state, or null) and the updates after it, in order.</summary>
public sealed record StoredDocument(byte[]? Snapshot, long SnapshotSeq, IReadOnlyList<StoredUpdate> Updates)
{
    public long LastSeq => Updates.Count > 0 ? Updates[^1].Seq : SnapshotSeq;
}

/// <summary>
/// One page of a room document's history: the base state (the state through <paramref name="BaseSeq"/>, sent only
/// when the page starts at the base) and the updates after it, oldest first. <paramref name="More"/> when later
/// updates exist beyond this page.
/// </summary>
public sealed record HistoryPage(long BaseSeq, byte[]? Base, DateTimeOffset? BaseAt, IReadOnlyList<StoredUpdate> Updates, bool More);

/// <summary>How much history a room keeps: the updates after the base, and their bytes.</summary>
public sealed record HistorySize(long BaseSeq, long Updates, long Bytes);

/// <summary>
/// Durable room documents: an append-only log of Yjs v1 updates, bounded for loading by snapshots, and kept as the
/// document's history for playback until it outgrows its own bound (then the oldest part is folded into a base
/// state). Every method commits before it returns, so an update is acknowledged only once it is on disk. One writer
/// per room (its actor).
/// </summary>
public interface IDocumentStore
{
    Task<StoredDocument> LoadAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>Appends <paramref name="updates"/> (consecutive numbers of the room's log) in one transaction.</summary>
    Task AppendAsync(string roomId, IReadOnlyList<StoredUpdate> updates, CancellationToken cancellationToken = default);

    /// <summary>Stores the encoded state covering the log through <paramref name="throughSeq"/> (older snapshots go).</summary>
    Task SaveSnapshotAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// The history after <paramref name="afterSeq"/>, up to about <paramref name="maxBytes"/> of updates (at least one).
    /// When <paramref name="afterSeq"/> lies before the base, the page starts at the base and carries it.
    /// </summary>
    Task<HistoryPage> ReadHistoryAsync(string roomId, long afterSeq, int maxBytes, CancellationToken cancellationToken = default);

    Task<HistorySize> GetHistorySizeAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="state"/> (the state through <paramref name="throughSeq"/>) the history's base and drops the updates it covers.</summary>
    Task FoldHistoryAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default);
}
