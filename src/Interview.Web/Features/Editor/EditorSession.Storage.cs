using Interview.Crdt;
using Interview.Crdt.Protocols;

namespace Interview.Web.Features.Editor;

/// <summary>Loading, applying, persisting and compacting the document.</summary>
internal sealed partial class EditorSession
{
    private long _lastSeq;
    private long _stateBytes;
    private long _bytesSinceSnapshot;
    private int _updatesSinceSnapshot;

    /// <summary>Size of the encoded state at the last snapshot plus every update appended since (an upper bound).</summary>
    private long EstimatedBytes => _stateBytes + _bytesSinceSnapshot;

    private async Task<Doc> EnsureLoadedAsync()
    {
        if (_doc is not null) return _doc;
        var stored = await services.Store.LoadAsync(roomId);
        var doc = new Doc();
        if (stored.Snapshot is { } snapshot) Updates.ApplyUpdate(doc, snapshot);
        foreach (var update in stored.Updates)
        {
            try { Updates.ApplyUpdate(doc, update.Data); }
            catch (CrdtFormatException e) { Log.StoredUpdateSkipped(logger, roomId, update.Seq, e.Message); }
        }
        _lastSeq = stored.LastSeq;
        _queuedSeq = _lastSeq;
        await LoadHistorySizeAsync();
        _stateBytes = stored.Snapshot?.Length ?? 0;
        _bytesSinceSnapshot = stored.Updates.Sum(u => (long)u.Data.Length);
        _updatesSinceSnapshot = stored.Updates.Count;
        doc.Update += (_, e) => _emitted.Add(e.Update);
        _doc = doc;
        _awareness = new Awareness(doc.ClientId);
        _idleSince = Now;
        Log.Loaded(logger, roomId, stored.Updates.Count, EstimatedBytes);
        if (stored.Snapshot is null && stored.Updates.Count == 0)
        {
            // A new room: the default language and its starter program, written by the server once.
            await SetLanguageAsync(EditorLanguages.Default, null);
        }
        CheckLanguage();
        return doc;
    }

    /// <summary>
    /// Applies a peer's update and queues it for the next commit (<see cref="EditorSession"/>.Commit.cs). The reply's
    /// <see cref="EditorReply.Commit"/> completes once it is on disk; only then is it broadcast and acknowledged.
    /// </summary>
    private async Task<EditorReply> ApplyAsync(PeerState from, ReadOnlyMemory<byte> update)
    {
        var doc = _doc!;
        if (update.Length > Options.MaxUpdateBytes)
            return EditorReply.Rejected($"This change is {Size(update.Length)}, over the {Size(Options.MaxUpdateBytes)} limit for one change; it was not applied.");
        if (update.Length == 2 && update.Span[0] == 0 && update.Span[1] == 0) return EditorReply.Empty;
        if (EstimatedBytes + update.Length > Options.MaxDocumentBytes)
        {
            Log.DocumentFull(logger, roomId, EstimatedBytes, update.Length);
            return EditorReply.Rejected($"The document is limited to {Size(Options.MaxDocumentBytes)}; this change was not applied.");
        }

        _emitted.Clear();
        try
        {
            Updates.ApplyUpdate(doc, update, from.Peer);
        }
        catch (CrdtFormatException e)
        {
            _emitted.Clear();
            return Malformed(from.Peer, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Decoded but failed half-way: the stored log does not have it, so reload from there.
            Log.ApplyFailed(logger, roomId, e);
            await ReloadAsync();
            return EditorReply.Rejected("This change could not be applied; the document was left as it was.");
        }

        var commit = Queue(update.ToArray(), from.Peer.ParticipantId, from.Peer);
        CheckLanguage();
        return new EditorReply([], null) { Commit = commit };
    }

    /// <summary>A change made by the server itself (language, starter template): queued, and sent to everyone once committed.</summary>
    private Task<string?> TransactAsync(Doc doc, string? author, Action change)
    {
        _emitted.Clear();
        doc.Transact(_ => change(), this);
        if (_emitted.Count == 0) return Task.FromResult<string?>(null);
        var update = _emitted.Count == 1 ? _emitted[0] : Updates.EncodeStateAsUpdate(doc);
        Queue(update, author, null);
        CheckLanguage();
        return Task.FromResult<string?>(null);
    }

    /// <summary>
    /// Writes the encoded state as a snapshot covering the log so far (loading then starts there); the updates stay as
    /// history until it outgrows its bound.
    /// </summary>
    private async Task CompactAsync(Doc doc)
    {
        var state = Updates.EncodeStateAsUpdate(doc);
        try
        {
            await services.Store.SaveSnapshotAsync(roomId, _lastSeq, state, Now);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The log is still complete; compaction is retried after the next updates.
            Log.SnapshotFailed(logger, roomId, e);
            return;
        }
        Log.Compacted(logger, roomId, _lastSeq, _updatesSinceSnapshot, state.Length);
        _stateBytes = state.Length;
        _bytesSinceSnapshot = 0;
        _updatesSinceSnapshot = 0;
        await TrimHistoryAsync(_lastSeq);
    }

    /// <summary>Replaces the in-memory document with the stored one (after a failure left memory ahead of disk).</summary>
    private async Task ReloadAsync()
    {
        await DrainCommitsAsync();
        _doc = null;
        _awareness = null;
        _emitted.Clear();
        await EnsureLoadedAsync();
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : $"{bytes / 1024.0:0.#} KB";
}
