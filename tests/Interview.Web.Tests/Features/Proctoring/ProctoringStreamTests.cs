using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Proctoring;

public sealed class ProctoringStreamTests : ExamTestBase
{
    [Fact]
    public async Task Two_observers_watch_one_candidate_and_the_candidate_is_told_every_change()
    {
        var room = await ExamRoomAsync("101");
        await using var ada = await ExamClient.CandidateAsync(Factory, room.Id, "Ada");
        await using var olga = await ExamClient.ObserverAsync(Factory, "101", "Olga");
        await using var pavel = await ExamClient.ObserverAsync(Factory, "101", "Pavel");

        await olga.RequestAsync(ada.Id);
        Assert.Equal([(olga.Id, "Olga", StreamKind.Camera)], Watchers(await ada.ObserversChanged.NextAsync()));
        Assert.Equal(ada.Id, Assert.Single(await olga.Watching.NextAsync()).CandidateId);

        await pavel.RequestAsync(ada.Id, StreamKind.Screen);
        await pavel.RequestAsync(ada.Id, StreamKind.Camera);
        await ada.ObserversChanged.NextAsync();
        Assert.Equal(3, (await ada.ObserversChanged.NextAsync()).Watchers.Count);

        var listed = await olga.ListStreamsAsync();
        Assert.Equal(3, listed.Count);
        Assert.All(listed, s => Assert.Equal(("101", room.Id, ada.Id, "Ada"), (s.TestId, s.RoomId, s.CandidateId, s.CandidateName)));
        var card = (await SnapshotWhenAsync("101", s => s.Candidates.Any(c => c.WatchedBy.Length == 3), "three watchers on the card"))
            .Candidates.Single(c => c.Name == "Ada");
        Assert.Equal(CandidateState.Connected, card.State);

        await olga.StopAsync(ada.Id);
        Assert.Equal([(pavel.Id, "Pavel", StreamKind.Screen), (pavel.Id, "Pavel", StreamKind.Camera)], Watchers(await ada.ObserversChanged.NextAsync()));
        Assert.Empty(await olga.Watching.NextAsync());

        // An observer whose connection closes stops watching at once.
        await pavel.DisposeAsync();
        Assert.Empty((await ada.ObserversChanged.NextAsync()).Watchers);
        // The candidate is told from inside the exam's message; its snapshot is published as that message ends.
        await SnapshotWhenAsync("101", s => s.Streams.Length == 0, "no stream left in the exam's snapshot");
    }

    [Fact]
    public async Task A_candidate_who_reconnects_is_told_who_still_watches()
    {
        var room = await ExamRoomAsync("101");
        var key = RoomClient.NewSessionKey();
        await using var olga = await ExamClient.ObserverAsync(Factory, "101", "Olga");
        var first = await ExamClient.ConnectAsync(Factory);
        var join = await first.Connection.InvokeAsync<JoinResult>(nameof(RoomHub.Join), new JoinRequest(room.Id, "Ada", key));
        await first.ReadyAsync();
        await olga.RequestAsync(join.ParticipantId!);
        await first.ObserversChanged.NextAsync();

        // The connection drops; the same tab comes back within the grace period on a new connection.
        await first.DisposeAsync();
        await SnapshotWhenAsync("101", s => s.Candidates.Single().State == CandidateState.Reconnecting, "Ada reconnecting");
        await using var second = await ExamClient.ConnectAsync(Factory);
        await second.Connection.InvokeAsync<JoinResult>(nameof(RoomHub.Join), new JoinRequest(room.Id, "Ada", key));
        var welcome = await second.ReadyAsync();
        Assert.Equal([(olga.Id, "Olga", StreamKind.Camera)], welcome.Watchers.Select(w => (w.WatcherId, w.Name, w.Kind)));
        await SnapshotWhenAsync("101", s => s.Candidates.Single().State == CandidateState.Connected, "Ada connected again");
    }

    [Fact]
    public async Task A_candidate_who_leaves_shows_offline_and_their_streams_end()
    {
        var room = await ExamRoomAsync("101");
        await using var ada = await ExamClient.CandidateAsync(Factory, room.Id, "Ada");
        await using var olga = await ExamClient.ObserverAsync(Factory, "101", "Olga");
        await olga.RequestAsync(ada.Id);
        await olga.Watching.NextAsync();

        await ada.Connection.InvokeAsync(nameof(RoomHub.Leave));

        Assert.Empty(await olga.Watching.NextAsync());
        var snapshot = await SnapshotWhenAsync("101", s => s.Candidates.Single().State == CandidateState.Offline, "Ada offline");
        Assert.Empty(snapshot.Streams);
        Assert.Contains("not taking this test", (await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => olga.RequestAsync(ada.Id))).Message);
    }

    [Fact]
    public async Task A_reconnecting_observer_keeps_its_watcher_id()
    {
        await ExamRoomAsync("101");
        var pass = ExamClient.Pass(Factory, "101", "Olga");
        await using var first = await ExamClient.ConnectAsync(Factory);
        var id = (await first.WatchAsync("101", pass)).WatcherId;
        await first.Connection.StopAsync();

        await using var second = await ExamClient.ConnectAsync(Factory);
        var again = await second.Connection.InvokeAsync<ExamWelcome>(nameof(RoomHub.WatchExam), new WatchExamRequest("101", pass, id));
        Assert.Equal(id, again.WatcherId);
        // Another observer cannot take it over.
        await using var third = await ExamClient.ConnectAsync(Factory);
        var other = await third.Connection.InvokeAsync<ExamWelcome>(nameof(RoomHub.WatchExam),
            new WatchExamRequest("101", ExamClient.Pass(Factory, "101", "Mallory"), id));
        Assert.NotEqual(id, other.WatcherId);
    }

    private static IEnumerable<(string, string, StreamKind)> Watchers(ObserversState state) =>
        state.Watchers.Select(w => (w.WatcherId, w.Name, w.Kind));
}
