using Interview.Web.Features.Media;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Proctoring;

/// <summary>Every role rule of invigilation, proved at the hub: each forbidden call is refused and changes nothing.</summary>
public sealed class ProctoringRoleTests : ExamTestBase
{
    [Fact]
    public async Task The_dashboard_needs_a_genuine_unexpired_observer_pass_for_that_test()
    {
        await using var client = await ExamClient.ConnectAsync(Factory);
        var good = ExamClient.Pass(Factory, "101", "Olga");

        Assert.Contains("Only observers", (await Assert.ThrowsAsync<HubException>(() => client.WatchAsync("101", null))).Message);
        await Assert.ThrowsAsync<HubException>(() => client.WatchAsync("202", good));
        await Assert.ThrowsAsync<HubException>(() => client.WatchAsync("101", good[..^2] + (good[^2] == 'A' ? "BB" : "AA")));
        await Assert.ThrowsAsync<HubException>(() => client.WatchAsync("101", ExamClient.Pass(Factory, "101", "Olga", TimeSpan.FromSeconds(-1))));
        Assert.Contains("Not a test id", (await Assert.ThrowsAsync<HubException>(() => client.WatchAsync("../x", good))).Message);

        var welcome = await client.WatchAsync("101", good);
        Assert.Equal("Olga", welcome.Name);
        Assert.StartsWith("w", welcome.WatcherId);
    }

    [Fact]
    public async Task A_candidate_cannot_open_the_dashboard_even_with_a_pass_on_its_room_connection()
    {
        var room = await ExamRoomAsync("101");
        await using var ada = await ExamClient.CandidateAsync(Factory, room.Id, "Ada");

        var refused = await Assert.ThrowsAsync<HubException>(() => ada.WatchAsync("101", null));
        Assert.Contains("Only observers", refused.Message);
        refused = await Assert.ThrowsAsync<HubException>(() => ada.WatchAsync("101", ExamClient.Pass(Factory, "101", "Ada")));
        Assert.Contains("connection of its own", refused.Message);
    }

    [Fact]
    public async Task Observer_only_actions_are_refused_for_candidates()
    {
        var room = await ExamRoomAsync("101");
        await using var ada = await ExamClient.CandidateAsync(Factory, room.Id, "Ada");
        await using var grace = await ExamClient.CandidateAsync(Factory, room.Id, "Grace");

        foreach (var call in new Func<Task>[]
                 {
                     () => ada.RequestAsync(grace.Id),
                     () => ada.RequestAsync(ada.Id, StreamKind.Screen),
                     () => ada.StopAsync(grace.Id),
                     () => ada.ListStreamsAsync(),
                 })
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains("Only observers", refused.Message);
        }
        var exam = await Exams.GetAsync("101");
        Assert.Empty(exam.Snapshot.Streams);
    }

    [Fact]
    public async Task Candidate_only_actions_are_refused_for_observers_owners_and_ordinary_rooms()
    {
        var room = await ExamRoomAsync("101");
        var plain = await Factory.Rooms.CreateAsync("Interview", null);
        await using var olga = await ExamClient.ObserverAsync(Factory, "101", "Olga");
        await using var owner = await ExamClient.CandidateAsync(Factory, room.Id, "Owner", OwnerCookieOf(room), ready: false);
        await using var guest = await ExamClient.CandidateAsync(Factory, plain.Id, "Guest", ready: false);

        Assert.Contains("Join a room first", (await Assert.ThrowsAsync<HubException>(() => olga.ReportAsync(FocusKind.Blur))).Message);
        Assert.Contains("Join a room first", (await Assert.ThrowsAsync<HubException>(olga.ReadyAsync)).Message);
        Assert.Contains("Only the exam's candidates", (await Assert.ThrowsAsync<HubException>(() => owner.ReportAsync(FocusKind.Blur))).Message);
        Assert.Contains("Only the exam's candidates", (await Assert.ThrowsAsync<HubException>(owner.ReadyAsync)).Message);
        Assert.Contains("not part of an exam", (await Assert.ThrowsAsync<HubException>(() => guest.ReportAsync(FocusKind.Blur))).Message);

        var exam = await Exams.GetAsync("101");
        Assert.DoesNotContain(exam.Snapshot.Candidates, c => c.Name == "Owner");
        Assert.All(exam.Snapshot.Candidates, c => Assert.Equal(0, c.EventCount));
    }

    [Fact]
    public async Task Interviewers_and_observers_in_an_exam_room_are_not_candidates()
    {
        var room = await ExamRoomAsync("101");
        await using var ivy = await ExamClient.CandidateAsync(Factory, room.Id, "Ivy", ready: false,
            invite: await Factory.InviteAsync(room.Id, ParticipantRole.Interviewer));
        await using var otto = await ExamClient.CandidateAsync(Factory, room.Id, "Otto", ready: false,
            invite: await Factory.InviteAsync(room.Id, ParticipantRole.Observer));
        await using var cara = await ExamClient.CandidateAsync(Factory, room.Id, "Cara",
            invite: await Factory.InviteAsync(room.Id, ParticipantRole.Candidate));
        await using var olga = await ExamClient.ObserverAsync(Factory, "101", "Olga");

        foreach (var notCandidate in new[] { ivy, otto })
        {
            Assert.Contains("Only the exam's candidates", (await Assert.ThrowsAsync<HubException>(() => notCandidate.ReportAsync(FocusKind.Blur))).Message);
            Assert.Contains("Only the exam's candidates", (await Assert.ThrowsAsync<HubException>(notCandidate.ReadyAsync)).Message);
            Assert.Contains("not taking this test", (await Assert.ThrowsAsync<HubException>(() => olga.RequestAsync(notCandidate.Id))).Message);
        }
        var snapshot = await SnapshotWhenAsync("101", s => s.Candidates.Any(c => c.Name == "Cara"), "Cara on the dashboard");
        Assert.Equal(["Cara"], snapshot.Candidates.Select(c => c.Name));
    }

    [Fact]
    public async Task A_candidate_whose_invite_names_a_test_brings_the_room_into_that_test()
    {
        var room = await Factory.Rooms.CreateAsync("Exam by invite", null);
        var invite = await Factory.Invites.MintAsync(new Interview.Web.Features.Invites.InviteDraft(
            room.Id, ParticipantRole.Candidate, DisplayName: "Cara", UserId: "u1", TestId: "303"));
        await using var cara = await ExamClient.CandidateAsync(Factory, room.Id, "Cara", invite: invite.Token, ready: false);

        Assert.Equal("303", (await cara.ReadyAsync()).TestId);
        Assert.Equal("303", await Exams.TestOfRoomAsync(room.Id));
        await cara.ReportAsync(FocusKind.Hidden);
        await SnapshotWhenAsync("303", s => s.Candidates.Any(c => c.Name == "Cara" && c.EventCount == 1), "Cara's event on test 303");
    }

    [Fact]
    public async Task Candidates_never_receive_other_candidates_events_or_streams()
    {
        var room = await ExamRoomAsync("101");
        await using var ada = await ExamClient.CandidateAsync(Factory, room.Id, "Ada");
        await using var grace = await ExamClient.CandidateAsync(Factory, room.Id, "Grace");
        await using var olga = await ExamClient.ObserverAsync(Factory, "101", "Olga");

        await ada.ReportAsync(FocusKind.Hidden);
        await ada.ReportAsync(FocusKind.Paste, "12 characters");
        await olga.RequestAsync(ada.Id);
        Assert.Single((await ada.ObserversChanged.NextAsync()).Watchers);
        Assert.Equal(SignalStatus.Relayed, await ada.SignalAsync(olga.Id, StreamKind.Camera, "offer"));
        await olga.Signals.NextAsync();

        // Grace's connection saw none of it; a round trip on it proves everything sent before has arrived.
        await grace.ReadyAsync();
        await Assert.ThrowsAsync<TimeoutException>(() => grace.ObserversChanged.NextAsync(TimeSpan.FromMilliseconds(200)));
        await Assert.ThrowsAsync<TimeoutException>(() => grace.Signals.NextAsync(TimeSpan.FromMilliseconds(50)));
        await Assert.ThrowsAsync<TimeoutException>(() => grace.Watching.NextAsync(TimeSpan.FromMilliseconds(50)));
        // …and there is no hub method that would show them to her.
        await Assert.ThrowsAsync<HubException>(() => grace.ListStreamsAsync());
        Assert.Equal(SignalStatus.UnknownPeer, await grace.SignalAsync(olga.Id, StreamKind.Camera, "offer"));
    }

    [Fact]
    public async Task Signals_pass_only_between_an_observer_and_the_candidate_it_watches()
    {
        var room = await ExamRoomAsync("101");
        var other = await ExamRoomAsync("202");
        await using var ada = await ExamClient.CandidateAsync(Factory, room.Id, "Ada");
        await using var grace = await ExamClient.CandidateAsync(Factory, room.Id, "Grace");
        await using var linus = await ExamClient.CandidateAsync(Factory, other.Id, "Linus");
        await using var olga = await ExamClient.ObserverAsync(Factory, "101", "Olga");

        // Nobody asked yet: neither side can reach the other.
        Assert.Equal(SignalStatus.UnknownPeer, await ada.SignalAsync(olga.Id, StreamKind.Camera, "offer"));
        Assert.Equal(SignalStatus.UnknownPeer, await olga.SignalAsync(ada.Id, StreamKind.Camera, "answer"));
        // A candidate of another test is not this observer's to ask for.
        Assert.Contains("not taking this test", (await Assert.ThrowsAsync<HubException>(() => olga.RequestAsync(linus.Id))).Message);

        await olga.RequestAsync(ada.Id);
        Assert.Equal(SignalStatus.Relayed, await ada.SignalAsync(olga.Id, StreamKind.Camera, "offer"));
        // Only the kind that was asked for, only to the one who asked, and candidates cannot address each other.
        Assert.Equal(SignalStatus.UnknownPeer, await ada.SignalAsync(olga.Id, StreamKind.Screen, "offer"));
        Assert.Equal(SignalStatus.UnknownPeer, await grace.SignalAsync(olga.Id, StreamKind.Camera, "offer"));
        Assert.Equal(SignalStatus.UnknownPeer, await ada.SignalAsync(grace.Id, StreamKind.Camera, "offer"));
        Assert.Equal(SignalStatus.UnknownPeer, await olga.SignalAsync(grace.Id, StreamKind.Camera, "answer"));
        Assert.Equal(SignalStatus.Relayed, await olga.SignalAsync(ada.Id, StreamKind.Camera, "answer"));

        var offer = await olga.Signals.NextAsync();
        Assert.Equal((ada.Id, StreamKind.Camera, "offer"), (offer.From, offer.Kind, offer.Description!.Type));
        var answer = await ada.Signals.NextAsync();
        Assert.Equal((olga.Id, "answer"), (answer.From, answer.Description!.Type));
        await Assert.ThrowsAsync<TimeoutException>(() => grace.Signals.NextAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Malformed_exam_signals_are_refused()
    {
        var room = await ExamRoomAsync("101");
        await using var ada = await ExamClient.CandidateAsync(Factory, room.Id, "Ada");
        await using var olga = await ExamClient.ObserverAsync(Factory, "101", "Olga");
        await olga.RequestAsync(ada.Id);

        await Assert.ThrowsAsync<HubException>(() => ada.Connection.InvokeAsync<SignalStatus>(nameof(RoomHub.ExamSignal),
            new ExamSignalRequest(olga.Id, StreamKind.Camera, 1, null, null)));
        await Assert.ThrowsAsync<HubException>(() => ada.SignalAsync(olga.Id, StreamKind.Camera, "nonsense"));
        await Assert.ThrowsAsync<HubException>(() => ada.Connection.InvokeAsync<SignalStatus>(nameof(RoomHub.ExamSignal),
            new ExamSignalRequest(olga.Id, (StreamKind)7, 1, new SessionDescription("offer", "v=0"), null)));
        // The connection and the stream still work.
        Assert.Equal(SignalStatus.Relayed, await ada.SignalAsync(olga.Id, StreamKind.Camera, "offer"));
    }
}
