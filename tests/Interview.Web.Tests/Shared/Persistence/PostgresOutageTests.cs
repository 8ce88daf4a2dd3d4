using System.Net;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Tests.Shared.Persistence;

/// <summary>A host whose PostgreSQL server goes away and comes back (a server of its own, not the shared one).</summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private PostgresServer _server = default!;
    private InterviewFactory _host = default!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _host = new InterviewFactory(postgres: await _server.CreateDatabaseAsync("outage"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task While_postgres_is_down_healthz_is_503_and_chat_fails_clearly_and_both_recover_when_it_is_back()
    {
        var roomId = (await _host.Rooms.CreateAsync("Outage", null)).Id;
        await using var ada = await RoomClient.JoinAsync(_host, roomId, "Ada");
        await using var grace = await RoomClient.JoinAsync(_host, roomId, "Grace");
        await ada.SendChatAsync("before");
        Assert.Equal("before", (await grace.Chat.NextAsync()).Text);
        using var http = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

        await _server.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/healthz").WaitAsync(TimeSpan.FromSeconds(20))).StatusCode);
        var error = await Assert.ThrowsAsync<HubException>(() => ada.SendChatAsync("while down").WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("could not be saved", error.Message);

        await _server.StartAgainAsync();

        await Eventually.TrueAsync(async () => (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "/healthz is 200 again");
        await ada.SendChatAsync("after");
        Assert.Equal("after", (await grace.Chat.NextAsync()).Text); // and "while down" was never broadcast before it
    }
}
