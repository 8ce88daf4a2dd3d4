using Interview.Crdt;

namespace Interview.Web.Features.Editor;

/// <summary>
/// The document's history for session playback: the stored log is kept after compaction; when it outgrows
/// <see cref="EditorOptions.HistoryMaxUpdates"/> or <see cref="EditorOptions.HistoryMaxBytes"/>, its oldest tenth is
/// applied onto the history's base state, which replaces it, so playback always starts from a real state.
/// </summary>
internal sealed partial class EditorSession
{
    private const int FoldPageBytes = 1024 * 1024;

    private long _historyBaseSeq;
    private long _historyUpdates;
    private long _historyBytes;

    private async Task LoadHistorySizeAsync()
    {
        var size = await services.Store.GetHistorySizeAsync(roomId);
        (_historyBaseSeq, _historyUpdates, _historyBytes) = (size.BaseSeq, size.Updates, size.Bytes);
    }

    private void CountHistory(int bytes)
    {
        _historyUpdates++;
        _historyBytes += bytes;
    }

    /// <summary>
    /// Folds the oldest history into its base until 90 % of both bounds remain. Only updates a snapshot covers
    /// (through <paramref name="snapshotSeq"/>) are folded: the ones after it are still needed to load the document.
    /// </summary>
    private async Task TrimHistoryAsync(long snapshotSeq)
    {
        if (_historyUpdates <= Options.HistoryMaxUpdates && _historyBytes <= Options.HistoryMaxBytes) return;
        var keepUpdates = Options.HistoryMaxUpdates * 9L / 10;
        var keepBytes = Options.HistoryMaxBytes * 9 / 10;
        var (updates, bytes) = (_historyUpdates, _historyBytes);
        var doc = new Doc();
        var through = _historyBaseSeq;
        var at = Now;
        try
        {
            var after = 0L;
            var done = false;
            while (!done)
            {
                var page = await services.Store.ReadHistoryAsync(roomId, after, FoldPageBytes);
                if (page.Base is { } baseState) Updates.ApplyUpdate(doc, baseState);
                foreach (var update in page.Updates)
                {
                    if ((updates <= keepUpdates && bytes <= keepBytes) || update.Seq > snapshotSeq)
                    {
                        done = true;
                        break;
                    }
                    try { Updates.ApplyUpdate(doc, update.Data); }
                    catch (CrdtFormatException e) { Log.StoredUpdateSkipped(logger, roomId, update.Seq, e.Message); }
                    (through, at) = (update.Seq, update.At);
                    updates--;
                    bytes -= update.Data.Length;
                }
                if (!page.More || page.Updates.Count == 0) done = true;
                else after = page.Updates[^1].Seq;
            }
            if (through == _historyBaseSeq) return;
            await services.Store.FoldHistoryAsync(roomId, through, Updates.EncodeStateAsUpdate(doc), at);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The history is intact, only longer than its bound; folding is retried after the next snapshot.
            Log.HistoryFoldFailed(logger, roomId, e);
            return;
        }
        Log.HistoryFolded(logger, roomId, through, _historyUpdates - updates);
        (_historyBaseSeq, _historyUpdates, _historyBytes) = (through, updates, bytes);
    }
}
