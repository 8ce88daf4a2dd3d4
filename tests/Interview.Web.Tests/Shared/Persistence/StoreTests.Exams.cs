using Interview.Web.Features.Proctoring;

namespace Interview.Web.Tests.Shared.Persistence;

public abstract partial class StoreTests
{
    [Fact]
    public async Task Exam_rooms_belong_to_one_test_and_candidates_are_remembered_once()
    {
        await Exams.AssignRoomAsync("r2", "t1");
        await Exams.AssignRoomAsync("r1", "t1");
        await Exams.AssignRoomAsync("r3", "t1");
        await Exams.AssignRoomAsync("r3", "t2"); // assigning again moves the room

        Assert.Equal(["r1", "r2"], await Exams.GetRoomsAsync("t1"));
        Assert.Equal("t2", await Exams.GetRoomTestAsync("r3"));
        Assert.Null(await Exams.GetRoomTestAsync("missing"));

        var cara = new ExamCandidateRecord("r1", "c1", "Cara", At(2));
        var dan = new ExamCandidateRecord("r2", "c2", "Dan", At(1));
        await Exams.RememberCandidateAsync(cara);
        await Exams.RememberCandidateAsync(dan);
        await Exams.RememberCandidateAsync(cara with { DisplayName = "Renamed", FirstSeenAt = At(9) });
        Assert.Equal([dan, cara], await Exams.GetCandidatesAsync("t1"));
    }

    [Fact]
    public async Task Focus_events_are_numbered_per_room_and_listed_by_time()
    {
        await Exams.AssignRoomAsync("r1", "t");
        await Exams.AssignRoomAsync("r2", "t");
        var hidden = await Exams.AppendFocusEventAsync(new FocusDraft("r1", "c1", "Cara", FocusKind.Hidden, null, At(3)));
        var blur = await Exams.AppendFocusEventAsync(new FocusDraft("r1", "c1", "Cara", FocusKind.Blur, "2 s", At(5)));
        var other = await Exams.AppendFocusEventAsync(new FocusDraft("r2", "c2", "Dan", FocusKind.FullscreenExit, null, At(4)));

        Assert.Equal((1L, 2L, 1L), (hidden.Seq, blur.Seq, other.Seq));
        Assert.Equal([hidden, other, blur], await Exams.GetFocusEventsAsync("t"));
        Assert.Empty(await Exams.GetFocusEventsAsync("no-such-test"));
    }
}
