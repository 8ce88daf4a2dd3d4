using System.Data.Common;
using Interview.Web.Features.Editor;

namespace Interview.Web.Tests.Shared.Persistence;

public abstract partial class StoreTests
{
    private static StoredUpdate Update(long seq, int length = 4, string? author = "p1") =>
        new(seq, [.. Enumerable.Range(0, length).Select(i => (byte)(seq * 16 + i))], author, At(seq), author is null ? null : "Ada");

    [Fact]
    public async Task A_document_loads_as_its_latest_snapshot_and_the_updates_after_it()
    {
        Assert.Equal(0, (await Documents.LoadAsync("r")).LastSeq);
        await Documents.AppendAsync("r", [Update(1), Update(2, author: null)]);
        await Documents.SaveSnapshotAsync("r", 1, [0xAA], At(10));
        await Documents.SaveSnapshotAsync("r", 2, [0xBB, 0xCC], At(11));
        await Documents.SaveSnapshotAsync("r", 2, [0xBD], At(12)); // the same point again replaces it
        await Documents.AppendAsync("r", [Update(3), Update(4)]);

        var loaded = await Documents.LoadAsync("r");

        Assert.Equal([0xBD], loaded.Snapshot);
        Assert.Equal(2, loaded.SnapshotSeq);
        Assert.Equal(4, loaded.LastSeq);
        Assert.Equal([3L, 4L], loaded.Updates.Select(u => u.Seq));
        var third = loaded.Updates[0];
        Assert.Equal(Update(3).Data, third.Data);
        Assert.Equal(("p1", "Ada", At(3)), (third.Author, third.AuthorName, third.At));
        Assert.Empty((await Documents.LoadAsync("other")).Updates);
    }

    [Fact]
    public async Task A_sequence_number_is_never_reused_the_first_write_stays_and_the_second_fails()
    {
        byte[] first = [1, 2, 3, 0, 255];
        await Documents.AppendAsync("r", [new StoredUpdate(7, first, "activation-1", At(1))]);

        // A second writer of the same room (two activations while a cluster settles) appends the same number.
        await Assert.ThrowsAnyAsync<DbException>(() =>
            Documents.AppendAsync("r", [new StoredUpdate(7, [9, 9], "activation-2", At(2))]));

        var update = Assert.Single((await Documents.LoadAsync("r")).Updates);
        Assert.Equal(first, update.Data);
        Assert.Equal("activation-1", update.Author);
    }

    [Fact]
    public async Task An_append_is_committed_when_it_returns_and_a_failed_batch_leaves_nothing_of_itself()
    {
        await Documents.AppendAsync("r", [Update(1), Update(2)]);
        // Acknowledged = committed: another handle with its own connections sees the batch at once.
        var elsewhere = new DocumentStore(OpenAgain());
        Assert.Equal([1L, 2L], (await elsewhere.LoadAsync("r")).Updates.Select(u => u.Seq));

        // One transaction per batch: 3 is written, then 2 clashes, and 3 goes too.
        await Assert.ThrowsAnyAsync<DbException>(() => Documents.AppendAsync("r", [Update(3), Update(2)]));
        Assert.Equal([1L, 2L], (await elsewhere.LoadAsync("r")).Updates.Select(u => u.Seq));
        await Documents.AppendAsync("r", [Update(3)]);
        Assert.Equal(3, (await elsewhere.LoadAsync("r")).LastSeq);
    }

    [Fact]
    public async Task History_pages_are_bounded_in_bytes_and_folding_makes_a_base_and_drops_what_it_covers()
    {
        await Documents.AppendAsync("r", [Update(1, 10), Update(2, 10), Update(3, 10), Update(4, 10), Update(5, 30)]);
        Assert.Equal(new HistorySize(0, 5, 70), await Documents.GetHistorySizeAsync("r"));

        var page = await Documents.ReadHistoryAsync("r", 0, maxBytes: 25);
        Assert.Equal((0L, (byte[]?)null, true), (page.BaseSeq, page.Base, page.More));
        Assert.Equal([1L, 2L], page.Updates.Select(u => u.Seq));
        var last = await Documents.ReadHistoryAsync("r", 4, maxBytes: 5); // at least one update, even a larger one
        Assert.Equal([5L], last.Updates.Select(u => u.Seq));
        Assert.False(last.More);

        await Documents.FoldHistoryAsync("r", 3, [0xF0, 0x0D], At(50));
        await Documents.FoldHistoryAsync("r", 3, [0xF0, 0x0E], At(51)); // folding to the same point replaces the base
        Assert.Equal(new HistorySize(3, 2, 40), await Documents.GetHistorySizeAsync("r"));

        var fromStart = await Documents.ReadHistoryAsync("r", 0, maxBytes: 1_000);
        Assert.Equal(3, fromStart.BaseSeq);
        Assert.Equal([0xF0, 0x0E], fromStart.Base);
        Assert.Equal(At(51), fromStart.BaseAt);
        Assert.Equal([4L, 5L], fromStart.Updates.Select(u => u.Seq));
        var afterBase = await Documents.ReadHistoryAsync("r", 3, maxBytes: 1_000);
        Assert.Null(afterBase.Base);
        Assert.Equal([4L, 5L], afterBase.Updates.Select(u => u.Seq));
    }
}
