using Interview.Crdt;
using Interview.Web.Features.Playback;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Playback;

public sealed class PlaybackHistoryTests
{
    private const int SnapshotEvery = 10;
    private const int HistoryMax = 30;

    private static Dictionary<string, string> Settings => new()
    {
        ["Editor:SnapshotEveryUpdates"] = SnapshotEvery.ToString(),
        ["Editor:HistoryMaxUpdates"] = HistoryMax.ToString(),
    };

    [Fact]
    public async Task History_survives_compaction_and_a_restart_and_stays_bounded_with_a_real_base_state()
    {
        var dataDir = Directory.CreateTempSubdirectory("interview-playback-").FullName;
        string roomId;
        List<HistoryStep> before;
        await using (var first = new InterviewFactory(Settings, dataDir))
        {
            roomId = (await first.Rooms.CreateAsync("Playback", 6)).Id;
            await using var ada = await CrdtPeer.JoinAsync(first, roomId, "Ada");
            for (var i = 0; i < 25; i++) await ada.EditAsync(t => t.Insert(t.TextLength, $"line {i}\n"));
            var stats = await (await first.Rooms.FindAsync(roomId))!.GetEditorStatsAsync();
            Assert.True(stats.UpdatesSinceSnapshot < SnapshotEvery, "snapshots were taken (compaction ran)");

            var (baseState, steps) = await ReadAllAsync(ada.Connection);
            Assert.Null(baseState);
            Assert.Equal(26, steps.Count); // the starter template, then Ada's 25 edits: compaction kept them all
            Assert.Null(steps[0].AuthorName);
            Assert.All(steps.Skip(1), s => Assert.Equal("Ada", s.AuthorName));
            Assert.Equal(ada.Text, Replay(null, steps));
            Assert.Contains("Hello, world!", Replay(null, steps.Take(1)));
            Assert.Equal(Replay(null, steps.Take(1)) + "line 0\n", Replay(null, steps.Take(2)));
            before = steps;
        }

        await using var second = new InterviewFactory(Settings, dataDir);
        await using var grace = await CrdtPeer.JoinAsync(second, roomId, "Grace");
        var (_, afterRestart) = await ReadAllAsync(grace.Connection);
        Assert.Equal(before.Select(s => (s.Seq, s.AuthorName, s.AtMs)), afterRestart.Select(s => (s.Seq, s.AuthorName, s.AtMs)));

        // 40 more edits: past the bound, the oldest history is folded into a base state.
        for (var i = 0; i < 40; i++) await grace.EditAsync(t => t.Insert(0, $"g{i} "));
        var (folded, kept) = await ReadAllAsync(grace.Connection);
        Assert.NotNull(folded);
        Assert.InRange(kept.Count, 1, HistoryMax + SnapshotEvery); // checked at every snapshot
        Assert.True(kept.Count < 66, "older steps were dropped");
        Assert.Equal(Enumerable.Range(0, kept.Count).Select(i => kept[0].Seq + i), kept.Select(s => s.Seq));
        Assert.Equal(grace.Text, Replay(folded, kept));
        Assert.Equal("Grace", kept[^1].AuthorName);
        var (serverText, _) = await (await second.Rooms.FindAsync(roomId))!.ReadEditorAsync();
        Assert.Equal(serverText, Replay(folded, kept));
    }

    [Fact]
    public async Task Only_a_participant_of_the_room_may_read_its_history()
    {
        await using var factory = new InterviewFactory();
        var roomId = (await factory.Rooms.CreateAsync("Private", 6)).Id;
        await using var ada = await CrdtPeer.JoinAsync(factory, roomId, "Ada");
        await using var stranger = factory.Connect();
        await stranger.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<HistoryPageMessage>("EditorHistory", 0L));
        Assert.Contains("Join a room first", error.Message);
    }

    private static async Task<(byte[]? Base, List<HistoryStep> Steps)> ReadAllAsync(HubConnection connection)
    {
        var steps = new List<HistoryStep>();
        byte[]? baseState = null;
        var after = 0L;
        while (true)
        {
            var page = await connection.InvokeAsync<HistoryPageMessage>("EditorHistory", after);
            if (after == 0) baseState = page.Base;
            steps.AddRange(page.Steps);
            if (!page.More) return (baseState, steps);
            after = page.Steps[^1].Seq;
        }
    }

    private static string Replay(byte[]? baseState, IEnumerable<HistoryStep> steps)
    {
        var doc = new Doc();
        if (baseState is not null) Updates.ApplyUpdate(doc, baseState);
        foreach (var step in steps) Updates.ApplyUpdate(doc, step.Update);
        return doc.GetText("monaco").ToString();
    }
}
