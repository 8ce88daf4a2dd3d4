using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Interview.Web.Features.Proctoring;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Proctoring;

public sealed class ProctoringEndpointsTests : IAsyncLifetime
{
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(IntegrationJwt.Settings());
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Api() => Api(IntegrationJwt.Token());

    private HttpClient Api(string? token)
    {
        var client = _factory.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task The_exam_api_takes_only_integration_tokens_with_an_allowed_role()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(null).PostAsJsonAsync("/api/v1/exams/101/observers", new { name = "Olga" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api("wrong").PostAsync("/api/v1/exams/101/rooms", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(IntegrationJwt.Token(key: "another-key-that-is-long-enough-0123456789")).GetAsync("/api/v1/exams/101/streams")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api(IntegrationJwt.Token(role: "candidate")).GetAsync("/api/v1/exams/101/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api().GetAsync("/api/v1/exams/101/streams")).StatusCode);
    }

    [Fact]
    public async Task A_minted_pass_opens_the_dashboard_and_rooms_belong_to_the_test()
    {
        var api = Api();
        var room = await (await api.PostAsync("/api/v1/exams/101/rooms", null)).Content.ReadFromJsonAsync<ExamRoomResponse>();
        Assert.Equal("101", await _factory.Services.GetRequiredService<IExamRegistry>().TestOfRoomAsync(room!.RoomId));
        var minted = await api.PostAsJsonAsync("/api/v1/exams/101/observers", new ObserverPassRequest("Olga", "u-7", 2));
        minted.EnsureSuccessStatusCode();
        var pass = (await minted.Content.ReadFromJsonAsync<ObserverPassResponse>())!;
        Assert.Contains("/exam/101?pass=", pass.Url);

        await using var candidate = await ExamClient.CandidateAsync(_factory, room.RoomId, "Ada",
            invite: await ExamClient.ApiInviteAsync(api, room.RoomId, "101", "u-ada", "Ada"));
        await using var olga = await ExamClient.ConnectAsync(_factory);
        var welcome = await olga.WatchAsync("101", pass.Pass);
        await olga.Connection.InvokeAsync(nameof(Interview.Web.Features.Rooms.RoomHub.RequestStream), new StreamRequest(candidate.Id, StreamKind.Screen));

        var streams = await (await api.GetAsync("/api/v1/exams/101/streams")).Content.ReadFromJsonAsync<List<ActiveStream>>();
        var stream = Assert.Single(streams!);
        Assert.Equal((candidate.Id, welcome.WatcherId, StreamKind.Screen, "Olga"), (stream.CandidateId, stream.WatcherId, stream.Kind, stream.WatcherName));
        // The pass is for test 101 only.
        await using var other = await ExamClient.ConnectAsync(_factory);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => other.WatchAsync("102", pass.Pass));
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_error()
    {
        var api = Api();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/exams/101/observers", new { name = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/exams/101/observers", new { name = "Olga", lifetimeHours = 10_000 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/v1/exams/bad%20id/rooms", null)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_page_shows_nothing_without_a_pass()
    {
        var api = Api();
        var room = await (await api.PostAsync("/api/v1/exams/101/rooms", null)).Content.ReadFromJsonAsync<ExamRoomResponse>();
        await using var candidate = await ExamClient.CandidateAsync(_factory, room!.RoomId, "Ada Candidate",
            invite: await ExamClient.ApiInviteAsync(api, room.RoomId, "101", "u-ada", "Ada Candidate"));
        await Eventually.TrueAsync(() => _factory.Services.GetRequiredService<IExamRegistry>().GetAsync("101").Result.Snapshot.Candidates.Length == 1, "Ada listed");

        var refused = await _factory.CreateClient().GetStringAsync("/exam/101");
        Assert.Contains("exam-refused", refused);
        Assert.DoesNotContain("Ada Candidate", refused);
        var forged = await _factory.CreateClient().GetStringAsync("/exam/101?pass=eyJ0IjoiMTAxIn0.AAAA");
        Assert.DoesNotContain("Ada Candidate", forged);

        var pass = (await (await api.PostAsJsonAsync("/api/v1/exams/101/observers", new { name = "Olga" })).Content.ReadFromJsonAsync<ObserverPassResponse>())!;
        var page = await _factory.CreateClient().GetStringAsync(new Uri(pass.Url).PathAndQuery);
        Assert.Contains("data-testid=\"exam-dashboard\"", page);
        Assert.Contains("Ada Candidate", page);
    }
}
