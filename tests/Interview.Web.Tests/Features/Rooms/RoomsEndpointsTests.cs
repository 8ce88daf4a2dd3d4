using System.Net;
using System.Text.RegularExpressions;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Interview.Web.Tests.Features.Rooms;

public sealed partial class RoomsEndpointsTests : IAsyncLifetime
{
    private readonly InterviewFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Healthz_answers_200()
    {
        var response = await _factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Creating_a_room_from_the_home_form_redirects_to_it_and_marks_the_creator()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var home = await client.GetStringAsync("/");
        var token = AntiforgeryField().Match(home).Groups[1].Value;

        var response = await client.PostAsync("/rooms", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["title"] = "  Backend loop  ",
            ["capacity"] = "3",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roomId = response.Headers.Location!.OriginalString["/r/".Length..];
        Assert.True(RoomTokens.IsRoomId(roomId));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(OwnerCookie.Name(roomId) + "=") && c.Contains("httponly"));
        var room = await _factory.Rooms.FindAsync(roomId);
        Assert.Equal(new RoomView(roomId, "Backend loop", 3, false), room!.Snapshot.Room);

        var page = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"connection-status\" data-state=\"connecting\"", html);
        Assert.DoesNotContain("data-state=\"connected\"", html);
    }

    [Fact]
    public async Task Creating_a_room_without_the_antiforgery_token_is_refused()
    {
        var response = await _factory.CreateClient().PostAsync("/rooms", new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Capacity_above_the_maximum_is_clamped()
    {
        var created = await _factory.Rooms.CreateAsync(null, 99);
        Assert.Equal(6, (await _factory.Rooms.FindAsync(created.Id))!.Snapshot.Room.Capacity);
    }

    [Fact]
    public async Task Unknown_room_page_is_a_friendly_404()
    {
        var response = await _factory.CreateClient().GetAsync("/r/zzzzzzzzzz");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"not-found\"", html);
        Assert.Contains("href=\"/\"", html);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    public async Task Hub_requests_from_another_origin_are_refused(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, RoomHub.Path + "/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        var response = await _factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Hub_requests_from_the_same_origin_are_allowed()
    {
        var client = _factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, RoomHub.Path + "/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
