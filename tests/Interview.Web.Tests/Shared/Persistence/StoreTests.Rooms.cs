using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Invites;
using Interview.Web.Features.Notes;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Recordings;
using Interview.Web.Features.Rooms;

namespace Interview.Web.Tests.Shared.Persistence;

public abstract partial class StoreTests
{
    [Fact]
    public async Task A_room_is_created_read_changed_touched_and_ended()
    {
        var room = new RoomRecord("r1", "Backend interview", 6, "owner-hash", At(0), At(0), null, RequireInvite: true, Lobby: false);
        await Rooms.CreateRoomAsync(room);
        Assert.Equal(room, await Rooms.GetRoomAsync("r1"));
        Assert.Null(await Rooms.GetRoomAsync("missing"));

        await Rooms.SaveSettingsAsync("r1", lobby: true, editorLocked: true);
        await Rooms.TouchAsync("r1", At(500));
        await Rooms.TouchAsync("r1", At(100)); // never back
        Assert.Equal(room with { Lobby = true, EditorLocked = true, LastActiveAt = At(500) }, await Rooms.GetRoomAsync("r1"));

        await Rooms.MarkEndedAsync("r1", At(900));
        var ended = await Rooms.GetRoomAsync("r1");
        Assert.Equal(At(900), ended!.EndedAt);
        Assert.Equal(At(900), ended.LastActiveAt);
    }

    [Fact]
    public async Task Chat_is_numbered_per_room_and_the_newest_come_back_oldest_first()
    {
        await CreateRoomAsync("a");
        await CreateRoomAsync("b");
        for (var i = 1; i <= 5; i++)
        {
            var posted = await Rooms.AppendChatAsync("a", new ChatDraft("p1", "Ada", "message " + i, At(i)));
            Assert.Equal(i, posted.Seq);
        }
        Assert.Equal(1, (await Rooms.AppendChatAsync("b", new ChatDraft("p2", "Grace", "other room", At(9)))).Seq);

        var recent = await Rooms.GetRecentChatAsync("a", 3);
        Assert.Equal([3L, 4L, 5L], recent.Select(m => m.Seq));
        Assert.Equal(new ChatMessage(5, "p1", "Ada", "message 5", At(5)), recent[^1]);
        Assert.Equal(At(5), (await Rooms.GetRoomAsync("a"))!.LastActiveAt); // a message is activity
        Assert.Equal(["other room"], (await Rooms.GetRecentChatAsync("b", 10)).Select(m => m.Text));
    }

    [Fact]
    public async Task Admission_decisions_are_kept_once_each_in_order()
    {
        await CreateRoomAsync("r");
        await Rooms.AddAdmissionAsync("r", new AdmissionDecision(AdmissionKind.RemovedSession, "k1"), At(1));
        await Rooms.AddAdmissionAsync("r", new AdmissionDecision(AdmissionKind.AdmittedSession, "k2"), At(2));
        await Rooms.AddAdmissionAsync("r", new AdmissionDecision(AdmissionKind.RemovedSession, "k1"), At(3));
        await Rooms.AddAdmissionAsync("r", new AdmissionDecision(AdmissionKind.RemovedInvite, "inv"), At(4));

        Assert.Equal(
            [new(AdmissionKind.RemovedSession, "k1"), new(AdmissionKind.AdmittedSession, "k2"), new(AdmissionKind.RemovedInvite, "inv")],
            await Rooms.GetAdmissionsAsync("r"));
        Assert.Empty(await Rooms.GetAdmissionsAsync("other"));
    }

    [Fact]
    public async Task Idle_rooms_are_found_and_a_deleted_room_takes_everything_stored_for_it()
    {
        await CreateRoomAsync("idle", createdAt: 0);
        await CreateRoomAsync("busy", createdAt: 1_000);
        Assert.Equal(["idle"], await Rooms.FindIdleRoomsAsync(At(500)));

        await Rooms.AppendChatAsync("idle", new ChatDraft("p", "Ada", "hello", At(1)));
        await Rooms.AddAdmissionAsync("idle", new AdmissionDecision(AdmissionKind.RemovedSession, "k"), At(1));
        await Documents.AppendAsync("idle", [new StoredUpdate(1, [1, 2], "p", At(1))]);
        await Documents.SaveSnapshotAsync("idle", 1, [9], At(1));
        await Documents.FoldHistoryAsync("idle", 1, [9], At(1));
        await Invites.AddAsync(new InviteRecord("i1", "idle", ParticipantRole.Candidate, "t", null, null, null, null, At(1), At(99), null));
        await Notes.SaveAsync("idle", new InterviewerNotes("n", Scorecard.Default, "p", At(1)));
        await Recordings.AddAsync(new RoomRecording("rec", "idle", "a.webm", 3, "abc", "p", "Ada", At(1)));
        await Exams.AssignRoomAsync("idle", "test");
        await Exams.RememberCandidateAsync(new ExamCandidateRecord("idle", "c", "Cara", At(1)));

        await Rooms.DeleteRoomAsync("idle");

        Assert.Null(await Rooms.GetRoomAsync("idle"));
        Assert.Empty(await Rooms.GetRecentChatAsync("idle", 10));
        Assert.Empty(await Rooms.GetAdmissionsAsync("idle"));
        var document = await Documents.LoadAsync("idle");
        Assert.Equal(((byte[]?)null, 0L, 0), (document.Snapshot, document.SnapshotSeq, document.Updates.Count));
        Assert.Equal(new HistorySize(0, 0, 0), await Documents.GetHistorySizeAsync("idle"));
        Assert.Empty(await Invites.ListAsync("idle"));
        Assert.Null(await Notes.GetAsync("idle"));
        Assert.Empty(await Recordings.ListAsync("idle"));
        Assert.Null(await Exams.GetRoomTestAsync("idle"));
        Assert.Empty(await Exams.GetCandidatesAsync("test"));
        Assert.NotNull(await Rooms.GetRoomAsync("busy"));
    }
}
