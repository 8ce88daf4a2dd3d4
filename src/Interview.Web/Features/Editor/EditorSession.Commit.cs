using Interview.Crdt.Protocols;

namespace Interview.Web.Features.Editor;

/// <summary>
/// Group commit. An applied update is queued; while one batch is being written (one transaction, one fsync) the
/// actor keeps applying the updates that arrive, and they all go in the next batch. A batch's updates are broadcast
/// and acknowledged only after its commit, in order. So with many typists the disk sees one commit per batch
/// instead of one per keystroke, and cursors (awareness) never wait behind the disk.
/// </summary>
internal sealed partial class EditorSession
{
    private List<PendingCommit> _queued = [];
    private List<PendingCommit>? _writing;
    private Task<Exception?>? _write;
    private long _queuedSeq;

    /// <summary>
    /// Queues an update already applied to the document. Returns a task that completes (with an error message for
    /// the sender, or null) when the update is committed and broadcast.
    /// </summary>
    private Task<string?> Queue(byte[] update, string? author, EditorPeer? from)
    {
        var frames = _emitted.Select(u => Frames.Sync(SyncProtocol.EncodeUpdate(u))).ToArray();
        _emitted.Clear();
        var name = author is null ? null : displayNameOf(author);
        var pending = new PendingCommit(new StoredUpdate(++_queuedSeq, update, author, Now, name), frames, from);
        _queued.Add(pending);
        _bytesSinceSnapshot += update.Length;
        _updatesSinceSnapshot++;
        CountHistory(update.Length);
        if (_writing is null) StartWrite();
        return pending.Done.Task;
    }

    private void StartWrite()
    {
        var batch = _queued;
        _queued = [];
        _writing = batch;
        _write = WriteAsync(batch);
        _write.ContinueWith(_ => post(() => FinishWriteAsync(batch)), TaskScheduler.Default)
            .Unwrap()
            .ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted); // the room was unloaded meanwhile
    }

    /// <summary>The storage write alone (off the actor's loop); never throws.</summary>
    private async Task<Exception?> WriteAsync(List<PendingCommit> batch)
    {
        try
        {
            await services.Store.AppendAsync(roomId, [.. batch.Select(p => p.Update)]);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e;
        }
    }

    /// <summary>On the actor's loop: broadcasts and acknowledges a committed batch, then writes the next one.</summary>
    private async Task FinishWriteAsync(List<PendingCommit> batch)
    {
        if (!ReferenceEquals(batch, _writing)) return; // already finished by DrainCommitsAsync
        var error = await _write!;
        _writing = null;
        _write = null;
        if (error is not null)
        {
            Log.AppendFailed(logger, roomId, error);
            // Memory is ahead of disk: everything not yet committed is refused and the stored document reloaded.
            var refused = batch.Concat(_queued).ToList();
            _queued = [];
            await ReloadAsync();
            foreach (var pending in refused) pending.Done.TrySetResult("The change could not be saved; try again.");
            return;
        }
        foreach (var pending in batch)
        {
            _lastSeq = pending.Update.Seq;
            foreach (var frame in pending.Frames) await BroadcastAsync(frame, pending.From);
            pending.Done.TrySetResult(null);
        }
        if (_queued.Count > 0) StartWrite();
        else if (_updatesSinceSnapshot >= Options.SnapshotEveryUpdates || _bytesSinceSnapshot >= Options.SnapshotEveryBytes)
            await CompactAsync(_doc!);
    }

    /// <summary>Waits (on the actor's loop) until everything queued is committed, e.g. before unloading.</summary>
    private async Task DrainCommitsAsync()
    {
        while (_writing is { } batch) await FinishWriteAsync(batch);
    }

    private sealed record PendingCommit(StoredUpdate Update, byte[][] Frames, EditorPeer? From)
    {
        public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
