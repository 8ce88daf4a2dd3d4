using Interview.Web.Features.Editor;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interview.Web.Tests.Features.Editor;

public sealed class EditorGroupCommitTests
{
    [Fact]
    public async Task Updates_arriving_while_a_commit_is_in_flight_share_the_next_one_and_are_acknowledged_only_after_it()
    {
        var store = new GatedStore();
        await using var factory = Factory(store);
        var roomId = (await factory.Rooms.CreateAsync("Group commit", 6)).Id;
        var room = (await factory.Rooms.FindAsync(roomId))!;
        await using var observer = await CrdtPeer.JoinAsync(factory, roomId, "Observer");
        var typists = new List<CrdtPeer>();
        for (var i = 0; i < 4; i++) typists.Add(await CrdtPeer.JoinAsync(factory, roomId, $"Typist {i}"));
        var before = observer.Text;

        store.Hold();
        var first = typists[0].EditAsync(t => t.Insert(0, "[0]"));
        await Eventually.TrueAsync(() => store.Waiting == 1, "the first commit is in flight");
        var others = typists.Skip(1).Select((p, i) => p.EditAsync(t => t.Insert(0, $"[{i + 1}]"))).ToList();

        // The room keeps applying while the disk is busy: the server's text has all four edits...
        await Eventually.TrueAsync(async () =>
            {
                var (text, _) = await room.ReadEditorAsync();
                return Enumerable.Range(0, 4).All(i => text.Contains($"[{i}]"));
            },
            "every edit applied in memory");
        // ...but none is acknowledged or sent to anyone before its commit.
        Assert.False(first.IsCompleted || others.Any(t => t.IsCompleted), "no edit was acknowledged before its commit");
        Assert.Equal(before, observer.Text);

        store.Release();
        await Task.WhenAll(others.Append(first));
        Assert.Equal([1, 3], store.Batches.Skip(store.Batches.Count - 2));
        await Eventually.TrueAsync(() => Enumerable.Range(0, 4).All(i => observer.Text.Contains($"[{i}]")), "the observer gets every edit");
    }

    [Fact]
    public async Task A_failed_commit_refuses_its_updates_and_leaves_the_stored_document_working()
    {
        var store = new GatedStore();
        await using var factory = Factory(store);
        var roomId = (await factory.Rooms.CreateAsync("Failing disk", 6)).Id;
        var room = (await factory.Rooms.FindAsync(roomId))!;
        await using var ada = await CrdtPeer.JoinAsync(factory, roomId, "Ada");
        await using var grace = await CrdtPeer.JoinAsync(factory, roomId, "Grace");
        var before = grace.Text;

        store.FailNext = true;
        var error = await Assert.ThrowsAsync<HubException>(() => ada.EditAsync(t => t.Insert(0, "lost ")));
        Assert.Contains("could not be saved", error.Message);
        Assert.Equal(before, (await room.ReadEditorAsync()).Text);

        await grace.EditAsync(t => t.Insert(0, "kept "));
        Assert.Equal("kept " + before, (await room.ReadEditorAsync()).Text);
        // (Ada's own doc still has the refused edit: the browser would start over from the server, this peer does not.)
        await Eventually.TrueAsync(() => ada.Text.Contains("kept "), "the room still works for Ada");
    }

    private static InterviewFactory Factory(GatedStore store) => new()
    {
        TestServices = services => services.Replace(ServiceDescriptor.Singleton<IDocumentStore>(sp =>
            store.Wrap(ActivatorUtilities.CreateInstance<DocumentStore>(sp)))),
    };

    /// <summary>The real document store (SQLite), with appends that can be held at a gate or made to fail once.</summary>
    private sealed class GatedStore : IDocumentStore
    {
        private IDocumentStore _inner = default!;
        private TaskCompletionSource _gate = Open();
        private int _waiting;

        public List<int> Batches { get; } = [];
        public int Waiting => Volatile.Read(ref _waiting);
        public bool FailNext { get; set; }

        public GatedStore Wrap(IDocumentStore inner)
        {
            _inner = inner;
            return this;
        }

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Release() => _gate.TrySetResult();

        public async Task AppendAsync(string roomId, IReadOnlyList<StoredUpdate> updates, CancellationToken cancellationToken = default)
        {
            lock (Batches) Batches.Add(updates.Count);
            Interlocked.Increment(ref _waiting);
            try { await _gate.Task; }
            finally { Interlocked.Decrement(ref _waiting); }
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }
            await _inner.AppendAsync(roomId, updates, cancellationToken);
        }

        public Task<StoredDocument> LoadAsync(string roomId, CancellationToken cancellationToken = default) => _inner.LoadAsync(roomId, cancellationToken);
        public Task SaveSnapshotAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            _inner.SaveSnapshotAsync(roomId, throughSeq, state, at, cancellationToken);
        public Task<HistoryPage> ReadHistoryAsync(string roomId, long afterSeq, int maxBytes, CancellationToken cancellationToken = default) =>
            _inner.ReadHistoryAsync(roomId, afterSeq, maxBytes, cancellationToken);
        public Task<HistorySize> GetHistorySizeAsync(string roomId, CancellationToken cancellationToken = default) =>
            _inner.GetHistorySizeAsync(roomId, cancellationToken);
        public Task FoldHistoryAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            _inner.FoldHistoryAsync(roomId, throughSeq, state, at, cancellationToken);

        private static TaskCompletionSource Open()
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate.SetResult();
            return gate;
        }
    }
}
