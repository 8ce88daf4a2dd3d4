using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary>Room creation per client: the home form and the integration API, 429 past the hourly limit.</summary>
public sealed partial class RoomCreationLimitTests : IAsyncLifetime
{
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        var settings = IntegrationJwt.Settings();
        settings["Rooms:CreationsPerClientPerHour"] = "2";
        _factory = new InterviewFactory(settings);
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Posts the home page's form (with its antiforgery token and cookie), as a browser does.</summary>
    private async Task<HttpResponseMessage> CreateFromHomeAsync(HttpClient browser)
    {
        var home = await browser.GetStringAsync("/");
        var token = AntiforgeryToken().Match(home).Groups[1].Value;
        return await browser.PostAsync("/rooms", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["title"] = "Loop",
        }));
    }

    [Fact]
    public async Task The_third_room_from_one_client_in_an_hour_is_refused_with_a_clear_message()
    {
        var browser = _factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await CreateFromHomeAsync(browser)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CreateFromHomeAsync(browser)).StatusCode);

        var refused = await CreateFromHomeAsync(browser);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("at most 2 an hour", await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_integration_api_counts_room_and_exam_room_creation_per_token_user()
    {
        var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntegrationJwt.Token());
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/rooms", new { title = "One" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/exams/101/rooms", null)).StatusCode);

        var refused = await api.PostAsJsonAsync("/api/v1/rooms", new { title = "Three" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many rooms created", (await refused.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["error"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await api.PostAsync("/api/v1/exams/101/rooms", null)).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
