using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Interview.Web.Features.Integration;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Proctoring;

/// <summary>Who a candidate card belongs to: the invite's user (or invite), never the display name typed.</summary>
public sealed class ProctoringIdentityTests : IAsyncLifetime
{
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(IntegrationJwt.Settings());
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Api()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntegrationJwt.Token());
        return client;
    }

    private async Task<string> ExamRoomAsync(string testId)
    {
        var created = await Api().PostAsync($"/api/v1/exams/{testId}/rooms", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<ExamRoomResponse>())!.RoomId;
    }

    private Task<string> CandidateInviteAsync(string roomId, string testId, string userId, string name) =>
        ExamClient.ApiInviteAsync(Api(), roomId, testId, userId, name);

    private async Task<ExamSnapshot> SnapshotWhenAsync(string testId, Func<ExamSnapshot, bool> condition, string what)
    {
        var exam = await _factory.Services.GetRequiredService<IExamRegistry>().GetAsync(testId);
        await Eventually.TrueAsync(() => condition(exam.Snapshot), what);
        return exam.Snapshot;
    }

    [Fact]
    public async Task A_second_person_with_the_candidates_name_gets_a_card_of_their_own_and_their_own_events()
    {
        var roomId = await ExamRoomAsync("101");
        await using var ada = await ExamClient.CandidateAsync(_factory, roomId, "Ada", invite: await CandidateInviteAsync(roomId, "101", "u-ada", "Ada"));
        // Someone else the room admits (here: another candidate invite) joins under the very same name.
        var helperInvite = await _factory.Invites.MintAsync(new Interview.Web.Features.Invites.InviteDraft(roomId, ParticipantRole.Candidate));
        await using var helper = await ExamClient.CandidateAsync(_factory, roomId, "Ada", invite: helperInvite.Token);

        var both = await SnapshotWhenAsync("101", s => s.Candidates.Count(c => c.State == CandidateState.Connected) == 2, "two connected cards");
        Assert.Equal(["Ada", "Ada"], both.Candidates.Select(c => c.Name));
        Assert.Equal(both.Candidates.Select(c => c.ParticipantId).Order(), new[] { ada.Id, helper.Id }.Order());

        await helper.ReportAsync(FocusKind.Paste, "3000 characters");
        await ada.ReportAsync(FocusKind.Blur);
        var events = await SnapshotWhenAsync("101", s => s.Candidates.Sum(c => c.EventCount) == 2, "two events");
        Assert.Equal([FocusKind.Blur], events.Candidates.Single(c => c.ParticipantId == ada.Id).Timeline.Select(e => e.Kind));
        Assert.Equal([FocusKind.Paste], events.Candidates.Single(c => c.ParticipantId == helper.Id).Timeline.Select(e => e.Kind));
    }

    [Fact]
    public async Task Two_people_on_invites_of_one_user_are_two_cards_at_once()
    {
        var roomId = await ExamRoomAsync("102");
        // The outside system sent the user a second link; both are used at the same time.
        await using var ada = await ExamClient.CandidateAsync(_factory, roomId, "Ada", invite: await CandidateInviteAsync(roomId, "102", "u-ada", "Ada"));
        await using var second = await ExamClient.CandidateAsync(_factory, roomId, "Ada", invite: await CandidateInviteAsync(roomId, "102", "u-ada", "Ada"));

        var both = await SnapshotWhenAsync("102", s => s.Candidates.Count(c => c.State == CandidateState.Connected) == 2, "two connected cards");
        Assert.Equal(2, both.Candidates.Select(c => c.Key).Distinct().Count());
        await second.ReportAsync(FocusKind.Paste);
        var events = await SnapshotWhenAsync("102", s => s.Candidates.Sum(c => c.EventCount) == 1, "one event");
        Assert.Equal(1, events.Candidates.Single(c => c.ParticipantId == second.Id).EventCount);
        Assert.Equal(0, events.Candidates.Single(c => c.ParticipantId == ada.Id).EventCount);
    }

    [Fact]
    public async Task A_candidate_keeps_their_card_across_a_new_session_and_a_restart()
    {
        var roomId = await ExamRoomAsync("103");
        var invite = await CandidateInviteAsync(roomId, "103", "u-ada", "Ada");
        await using (var ada = await ExamClient.CandidateAsync(_factory, roomId, "Ada", invite: invite))
        {
            await ada.ReportAsync(FocusKind.Blur);
            await ada.Connection.InvokeAsync(nameof(RoomHub.Leave));
        }
        await SnapshotWhenAsync("103", s => s.Candidates.Single().State == CandidateState.Offline, "Ada offline");

        await _factory.DisposeAsync();
        _factory = new InterviewFactory(IntegrationJwt.Settings(), _factory.DataDir);
        await using var back = await ExamClient.CandidateAsync(_factory, roomId, "Ada", invite: invite);
        await back.ReportAsync(FocusKind.Hidden);

        var snapshot = await SnapshotWhenAsync("103", s => s.Candidates.Any(c => c.EventCount == 2 && c.State == CandidateState.Connected), "one card, both events");
        var card = Assert.Single(snapshot.Candidates);
        Assert.Equal([FocusKind.Blur, FocusKind.Hidden], card.Timeline.Select(e => e.Kind));
    }

    [Fact]
    public async Task Exam_rooms_created_by_the_api_admit_only_invite_holders()
    {
        var roomId = await ExamRoomAsync("104");
        await using var stranger = await RoomClient.JoinAsync(_factory, roomId, "Ada");
        Assert.Equal(JoinStatus.InviteRequired, stranger.Join!.Status);
        Assert.Empty((await _factory.Services.GetRequiredService<IExamRegistry>().GetAsync("104")).Snapshot.Candidates);

        var open = await Api().PostAsJsonAsync("/api/v1/rooms", new { title = "Open", requireInvite = false });
        var openRoom = (await open.Content.ReadFromJsonAsync<RoomCreated>())!;
        var refused = await Api().PostAsJsonAsync($"/api/v1/rooms/{openRoom.Id}/invites", new { userId = "u-ada", displayName = "Ada", role = "candidate", testId = "104" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("invite holders", (await refused.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }
}
