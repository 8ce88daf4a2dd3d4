using System.Net;
using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Shared.Security;

/// <summary>The Content-Security-Policy, nosniff and Referrer-Policy on every response of the real host.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly InterviewFactory _factory = new(new()
    {
        ["Watch:YouTubeIframeApiUrl"] = "https://yt.example.test/iframe_api",
        ["Watch:OEmbedUrl"] = "http://oembed.example.test:8080/oembed",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static Dictionary<string, string> Policy(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task Every_response_carries_the_policy_nosniff_and_the_referrer_policy(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);

        var policy = Policy(response);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self' https://yt.example.test", policy["script-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.DoesNotContain(policy.Values, v => v.Contains("unsafe-eval"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_youtube_player_and_oembed_thumbnails_are_allowed_by_configuration_and_nothing_else_frames()
    {
        var policy = Policy(await _factory.CreateClient().GetAsync("/"));

        Assert.Equal("'self' https://yt.example.test", policy["frame-src"]);
        Assert.Contains("http://oembed.example.test:8080", policy["img-src"].Split(' '));
    }

    [Fact]
    public async Task Configured_frame_ancestors_replace_none()
    {
        await using var factory = new InterviewFactory(new()
        {
            ["Hosting:FrameAncestors:0"] = "https://ats.example.com/",
            ["Hosting:FrameAncestors:1"] = "https://hr.example.org",
        });
        var response = await factory.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://ats.example.com https://hr.example.org", Policy(response)["frame-ancestors"]);
    }
}
