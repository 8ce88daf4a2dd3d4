namespace Interview.Web.Shared.Persistence;

/// <summary>One appended Yjs update of a room's document.</summary>
public sealed record StoredUpdate(long Seq, byte[] Data, string? Author, DateTimeOffset At);

/// <summary>A room document as stored: the latest snapshot (encoded state, or null) and the updates after it, in order.</summary>
public sealed record StoredDocument(byte[]? Snapshot, long SnapshotSeq, IReadOnlyList<StoredUpdate> Updates)
{
    public long LastSeq => Updates.Count > 0 ? Updates[^1].Seq : SnapshotSeq;
}

/// <summary>
/// Durable room documents: an append-only log of Yjs v1 updates, bounded by snapshots. Every method commits before it
/// returns, so an update is acknowledged only once it is on disk. One writer per room (its actor).
/// </summary>
public interface IDocumentStore
{
    Task<StoredDocument> LoadAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>Appends <paramref name="update"/> as number <paramref name="seq"/> of the room's log.</summary>
    Task AppendAsync(string roomId, long seq, byte[] update, string? author, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Stores the encoded state covering the log through <paramref name="throughSeq"/> and drops what it replaces.</summary>
    Task SaveSnapshotAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default);
}
