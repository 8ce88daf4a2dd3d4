using System.Text.RegularExpressions;
using Interview.Sandbox;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Interview.Web.Tests.Shared.Hosting;

/// <summary>X-Forwarded-For / X-Forwarded-Proto are believed from <c>Hosting:TrustedProxies</c> only.</summary>
public sealed partial class ForwardedHeadersTests : IAsyncLifetime
{
    private const string TrustedProxy = "10.0.0.7";
    private const string TrustedNetworkProxy = "172.20.1.1";
    private const string UntrustedProxy = "10.0.0.8";
    private const string RunBody = """{"language":"python","source":"print(1)"}""";

    private readonly FakeCodeRunner _runner = new();
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(new()
        {
            ["Editor:ApiRunsPerMinute"] = "1",
            ["Hosting:TrustedProxies:0"] = TrustedProxy,
            ["Hosting:TrustedProxies:1"] = "172.16.0.0/12",
        })
        {
            TestServices = services => services.Replace(ServiceDescriptor.Singleton<ICodeRunner>(_runner)),
        };
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task<HttpContext> RunAsync(string from, string forwardedFor) =>
        _factory.Server.SendAsync(from, "POST", "/api/runs", new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor }, RunBody);

    [Fact]
    public async Task Behind_a_trusted_proxy_the_runs_rate_limit_counts_each_forwarded_client_separately()
    {
        Assert.Equal(StatusCodes.Status200OK, (await RunAsync(TrustedProxy, "203.0.113.1")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await RunAsync(TrustedProxy, "203.0.113.2")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await RunAsync(TrustedNetworkProxy, "203.0.113.3")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await RunAsync(TrustedProxy, "203.0.113.1")).Response.StatusCode);
        Assert.Equal(["api:203.0.113.1", "api:203.0.113.2", "api:203.0.113.3"], _runner.Requests.Select(r => r.OwnerKey));
    }

    [Fact]
    public async Task From_an_untrusted_address_the_forwarded_header_is_ignored_and_its_clients_share_its_bucket()
    {
        Assert.Equal(StatusCodes.Status200OK, (await RunAsync(UntrustedProxy, "198.51.100.1")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await RunAsync(UntrustedProxy, "198.51.100.2")).Response.StatusCode);
        Assert.Equal(["api:" + UntrustedProxy], _runner.Requests.Select(r => r.OwnerKey));
    }

    [Fact]
    public async Task A_forged_hop_before_the_trusted_proxy_does_not_make_the_client_someone_else()
    {
        // The client sent "X-Forwarded-For: 192.0.2.50" itself; the trusted proxy appended the address it saw.
        Assert.Equal(StatusCodes.Status200OK, (await RunAsync(TrustedProxy, "192.0.2.50, 198.51.100.77")).Response.StatusCode);
        Assert.Equal(["api:198.51.100.77"], _runner.Requests.Select(r => r.OwnerKey));
    }

    [Theory]
    [InlineData(TrustedProxy, true)]
    [InlineData(UntrustedProxy, false)]
    public async Task The_owner_and_antiforgery_cookies_are_Secure_when_a_trusted_proxy_forwards_https(string from, bool secure)
    {
        var https = new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.9", ["X-Forwarded-Proto"] = "https" };
        var home = await _factory.Server.SendAsync(from, "GET", "/", https);
        var antiforgery = Assert.Single(home.Response.Headers.SetCookie);
        Assert.Equal(secure, SetCookieHeaderValue.Parse(antiforgery).Secure);

        var token = AntiforgeryField().Match(await home.ReadBodyAsync()).Groups[1].Value;
        var cookie = SetCookieHeaderValue.Parse(antiforgery);
        var created = await _factory.Server.SendAsync(from, "POST", "/rooms",
            new Dictionary<string, string>(https) { ["Cookie"] = $"{cookie.Name}={cookie.Value}" },
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&title=Proxied", "application/x-www-form-urlencoded");

        Assert.Equal(StatusCodes.Status302Found, created.Response.StatusCode);
        var owner = created.Response.Headers.SetCookie.Select(c => SetCookieHeaderValue.Parse(c!))
            .Single(c => c.Name.Value!.StartsWith(OwnerCookie.Name("")));
        Assert.Equal(secure, owner.Secure);
        Assert.True(owner.HttpOnly);
    }

    [Fact]
    public async Task A_trusted_proxy_entry_that_is_not_an_address_or_network_stops_the_start()
    {
        await using var factory = new InterviewFactory(new() { ["Hosting:TrustedProxies:0"] = "proxy.example.com" });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);
        Assert.Contains("proxy.example.com", error.Message);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
