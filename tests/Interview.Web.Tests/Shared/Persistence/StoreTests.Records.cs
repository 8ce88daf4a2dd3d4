using Interview.Web.Features.Invites;
using Interview.Web.Features.Notes;
using Interview.Web.Features.Recordings;
using Interview.Web.Features.Rooms;

namespace Interview.Web.Tests.Shared.Persistence;

public abstract partial class StoreTests
{
    [Fact]
    public async Task Invites_are_listed_counted_and_revoked_once()
    {
        var named = new InviteRecord("i1", "r", ParticipantRole.Candidate, "token-1", "Cara", "u-7", "test-1", "p1", At(1), At(100), null);
        var open = new InviteRecord("i2", "r", ParticipantRole.Interviewer, "token-2", null, null, null, null, At(2), At(200), null);
        await Invites.AddAsync(open);
        await Invites.AddAsync(named);

        Assert.Equal(named, await Invites.GetAsync("i1"));
        Assert.Null(await Invites.GetAsync("missing"));
        Assert.Equal([named, open], await Invites.ListAsync("r"));
        Assert.Equal(2, await Invites.CountAsync("r"));

        Assert.True(await Invites.RevokeAsync("r", "i1", At(5)));
        Assert.True(await Invites.RevokeAsync("r", "i1", At(6))); // the first revocation time stays
        Assert.False(await Invites.RevokeAsync("other-room", "i2", At(5)));
        Assert.Equal(At(5), (await Invites.GetAsync("i1"))!.RevokedAt);
        Assert.Null((await Invites.GetAsync("i2"))!.RevokedAt);
    }

    [Fact]
    public async Task Notes_are_saved_and_replaced_with_their_scorecard()
    {
        Assert.Null(await Notes.GetAsync("r"));
        await Notes.SaveAsync("r", new InterviewerNotes("first", Scorecard.Default, "p1", At(1)));
        var card = new Scorecard([new ScoreCriterion("Problem solving", 4)], "hire");
        await Notes.SaveAsync("r", new InterviewerNotes("second, with ünïcode", card, "p2", At(2)));

        var saved = await Notes.GetAsync("r");
        Assert.Equal(("second, with ünïcode", "p2", At(2)), (saved!.Notes, saved.UpdatedBy, saved.UpdatedAt));
        Assert.Equal("hire", saved.Scorecard.Summary);
        Assert.Equal(new ScoreCriterion("Problem solving", 4), Assert.Single(saved.Scorecard.Criteria));
    }

    [Fact]
    public async Task Recording_rows_come_back_oldest_first_per_room()
    {
        var later = new RoomRecording("b", "r", "later.webm", 5_000_000_000, "ff00", "p1", "Ada", At(20));
        var earlier = new RoomRecording("a", "r", "earlier.webm", 12, "00ff", "p2", "Grace", At(10));
        await Recordings.AddAsync(later);
        await Recordings.AddAsync(earlier);
        await Recordings.AddAsync(earlier with { Id = "c", RoomId = "other" });

        Assert.Equal([earlier, later], await Recordings.ListAsync("r"));
    }
}
