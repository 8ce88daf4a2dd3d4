using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Interview.Web.Features.Integration;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interview.Web.Tests.Features.Integration;

/// <summary>The integration API end to end over HTTP, with real JWTs: what it does, and every way a token is refused.</summary>
public sealed class IntegrationApiTests : IAsyncLifetime
{
    private const string Key = IntegrationJwt.Key;
    private InterviewFactory _factory = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        var settings = IntegrationJwt.Settings();
        settings["Integration:Jwt:PublicBaseUrl"] = "https://interview.example";
        _factory = new InterviewFactory(settings);
        _http = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    private static string Token(string role = "interviewer", string key = Key, string issuer = "seed-system", string audience = "interview-api",
        DateTime? expires = null, string? testId = null) => IntegrationJwt.Token(role, key, issuer, audience, expires, testId);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;

    [Fact]
    public async Task Creates_a_room_mints_named_invites_and_lists_the_active_session()
    {
        var created = await SendAsync(HttpMethod.Post, "/api/v1/rooms", new { title = "Exam 12", capacity = 4 }, Token());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var room = await ReadAsync<RoomCreated>(created);
        Assert.True(room.RequireInvite);
        Assert.Equal($"https://interview.example/r/{room.Id}", room.Url);

        var minted = await SendAsync(HttpMethod.Post, $"/api/v1/rooms/{room.Id}/invites",
            new { userId = "u-7", displayName = "Cara Candidate", role = "candidate", testId = "exam-12" }, Token());
        Assert.Equal(HttpStatusCode.Created, minted.StatusCode);
        var invite = await ReadAsync<InviteMinted>(minted);
        Assert.StartsWith("https://interview.example/i/", invite.Url);

        // The invite works in the hub with that role, name and the outside ids.
        await using var cara = await RoomClient.JoinAsync(_factory, room.Id, "ignored", invite: invite.Token);
        Assert.Equal(JoinStatus.Joined, cara.Join!.Status);
        Assert.Equal(ParticipantRole.Candidate, cara.Join.Participants.Single().Role);

        var sessions = await ReadAsync<List<ActiveSession>>(await SendAsync(HttpMethod.Get, "/api/v1/sessions", token: Token()));
        var session = Assert.Single(sessions, s => s.RoomId == room.Id);
        var person = Assert.Single(session.Participants);
        Assert.Equal(("Cara Candidate", "candidate", "u-7", "exam-12"), (person.DisplayName, person.Role, person.UserId, person.TestId));

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/rooms/{room.Id}/invites/{invite.Id}", token: Token())).StatusCode);
        await using var again = await RoomClient.JoinAsync(_factory, room.Id, "again", invite: invite.Token);
        Assert.Equal(JoinStatus.InviteInvalid, again.Join!.Status);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_error()
    {
        var room = await ReadAsync<RoomCreated>(await SendAsync(HttpMethod.Post, "/api/v1/rooms", new { }, Token()));
        var noRole = await SendAsync(HttpMethod.Post, $"/api/v1/rooms/{room.Id}/invites", new { userId = "u", displayName = "U", role = "admin" }, Token());
        Assert.Equal(HttpStatusCode.BadRequest, noRole.StatusCode);
        Assert.Contains("role must be", (await ReadAsync<ApiError>(noRole)).Error);
        var noUser = await SendAsync(HttpMethod.Post, $"/api/v1/rooms/{room.Id}/invites", new { displayName = "U", role = "candidate" }, Token());
        Assert.Contains("userId", (await ReadAsync<ApiError>(noUser)).Error);
        var unknown = await SendAsync(HttpMethod.Post, "/api/v1/rooms/zzzzzzzzzz/invites", new { userId = "u", displayName = "U", role = "candidate" }, Token());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var tooLong = await SendAsync(HttpMethod.Post, $"/api/v1/rooms/{room.Id}/invites",
            new { userId = "u", displayName = "U", role = "candidate", expiresInHours = 100_000 }, Token());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var capacity = await SendAsync(HttpMethod.Post, "/api/v1/rooms", new { capacity = 99 }, Token());
        Assert.Equal(HttpStatusCode.BadRequest, capacity.StatusCode);
    }

    public static TheoryData<string, string?, HttpStatusCode, string> RefusedTokens => new()
    {
        { "none", null, HttpStatusCode.Unauthorized, "Bearer" },
        { "garbage", "not.a.jwt", HttpStatusCode.Unauthorized, "not valid" },
        { "wrong key", Token(key: "another-key-that-is-long-enough-0123456789"), HttpStatusCode.Unauthorized, "signature" },
        { "expired", Token(expires: DateTime.UtcNow.AddMinutes(-5)), HttpStatusCode.Unauthorized, "expired" },
        { "wrong issuer", Token(issuer: "someone-else"), HttpStatusCode.Unauthorized, "issuer" },
        { "wrong audience", Token(audience: "other-api"), HttpStatusCode.Unauthorized, "audience" },
        { "candidate role", Token(role: "candidate"), HttpStatusCode.Forbidden, "role" },
        { "observer role", Token(role: "observer"), HttpStatusCode.Forbidden, "role" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Every_endpoint_refuses_a_missing_or_bad_token(string why, string? token, HttpStatusCode status, string reason)
    {
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Post, "/api/v1/rooms", new { }),
            (HttpMethod.Post, "/api/v1/rooms/abcdefghij/invites", new { userId = "u", displayName = "U", role = "interviewer" }),
            (HttpMethod.Delete, "/api/v1/rooms/abcdefghij/invites/vabc", null),
            (HttpMethod.Get, "/api/v1/sessions", null),
        })
        {
            var response = await SendAsync(method, path, body, token);
            Assert.True(status == response.StatusCode, $"{why}: {method} {path} answered {response.StatusCode}");
            Assert.Contains(reason, (await ReadAsync<ApiError>(response)).Error);
        }
        Assert.Empty(_factory.Rooms.LoadedRoomIds);
    }

    [Fact]
    public async Task Without_a_configured_key_no_token_is_accepted()
    {
        await using var factory = new InterviewFactory();
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sessions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints_and_bearer_auth()
    {
        var response = await _http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal(
            [
                "/api/v1/exams/{testId}/candidates", "/api/v1/exams/{testId}/observers", "/api/v1/exams/{testId}/rooms", "/api/v1/exams/{testId}/streams",
                "/api/v1/rooms", "/api/v1/rooms/{roomId}/invites", "/api/v1/rooms/{roomId}/invites/{inviteId}", "/api/v1/sessions",
            ],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(paths.GetProperty("/api/v1/rooms").TryGetProperty("post", out _));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }
}
