using Interview.Web.Features.Proctoring;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Proctoring;

public sealed class ProctoringFocusTests : ExamTestBase
{
    [Fact]
    public async Task Focus_events_reach_the_candidates_timeline_in_order_and_survive_a_restart()
    {
        var room = await ExamRoomAsync("101");
        await using (var ada = await ExamClient.CandidateAsync(Factory, room.Id, "Ada"))
        await using (var grace = await ExamClient.CandidateAsync(Factory, room.Id, "Grace"))
        {
            await ada.ReportAsync(FocusKind.Reload);
            await ada.ReportAsync(FocusKind.Hidden);
            await grace.ReportAsync(FocusKind.Blur);
            await ada.ReportAsync(FocusKind.Paste, "42 characters");
            await ada.ReportAsync(FocusKind.FullscreenExit);
        }
        var live = await SnapshotWhenAsync("101", s => s.Candidates.Sum(c => c.EventCount) == 5, "five events");
        AssertTimelines(live);

        await Factory.DisposeAsync();
        var restarted = new InterviewFactory(dataDir: Factory.DataDir);
        await using (restarted)
        {
            var exam = await restarted.Services.GetRequiredService<IExamRegistry>().GetAsync("101");
            AssertTimelines(exam.Snapshot);
            Assert.All(exam.Snapshot.Candidates, c => Assert.Equal(CandidateState.Offline, c.State));
        }

        static void AssertTimelines(ExamSnapshot snapshot)
        {
            var ada = snapshot.Candidates.Single(c => c.Name == "Ada");
            Assert.Equal([FocusKind.Reload, FocusKind.Hidden, FocusKind.Paste, FocusKind.FullscreenExit], ada.Timeline.Select(e => e.Kind));
            Assert.Equal("42 characters", ada.Timeline[2].Detail);
            Assert.Equal(4, ada.EventCount);
            Assert.Equal(FocusKind.FullscreenExit, ada.LastEvent!.Kind);
            Assert.Equal([FocusKind.Blur], snapshot.Candidates.Single(c => c.Name == "Grace").Timeline.Select(e => e.Kind));
        }
    }

    [Fact]
    public async Task Bad_focus_reports_are_refused_and_nothing_is_stored()
    {
        var room = await ExamRoomAsync("101");
        await using var ada = await ExamClient.CandidateAsync(Factory, room.Id, "Ada");

        Assert.Contains("200 characters", (await Assert.ThrowsAsync<HubException>(() => ada.ReportAsync(FocusKind.Paste, new string('x', 201)))).Message);
        await Assert.ThrowsAsync<HubException>(() => ada.ReportAsync(FocusKind.Paste, "a\u0000b"));
        await Assert.ThrowsAsync<HubException>(() => ada.ReportAsync((FocusKind)99));
        await ada.ReportAsync(FocusKind.Blur);

        var snapshot = await SnapshotWhenAsync("101", s => s.Candidates.Any(c => c.EventCount > 0), "one event");
        Assert.Equal([FocusKind.Blur], snapshot.Candidates.Single().Timeline.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_flood_of_focus_events_is_cut_at_the_limit()
    {
        await using var factory = new InterviewFactory(new() { ["Proctoring:FocusEventsPerMinute"] = "3" });
        var room = await factory.Rooms.CreateAsync("Exam", null);
        var exams = factory.Services.GetRequiredService<IExamRegistry>();
        await exams.AssignRoomAsync(room.Id, "101");
        await using var ada = await ExamClient.CandidateAsync(factory, room.Id, "Ada");

        for (var i = 0; i < 3; i++) await ada.ReportAsync(FocusKind.Blur);
        Assert.Contains("Too many focus events", (await Assert.ThrowsAsync<HubException>(() => ada.ReportAsync(FocusKind.Blur))).Message);
        Assert.Equal(3, (await exams.GetAsync("101")).Snapshot.Candidates.Single().EventCount);
    }
}
