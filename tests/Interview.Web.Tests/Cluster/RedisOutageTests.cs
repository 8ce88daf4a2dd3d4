using System.Net;
using Microsoft.AspNetCore.SignalR;
using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Cluster;

/// <summary>Redis lost while a clustered node runs: the node says so on /healthz, refuses changes, keeps what it stored, and recovers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisOutageTests
{
    [Fact]
    public async Task While_redis_is_down_healthz_is_503_and_changes_are_refused_and_both_recover_when_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var factory = new InterviewFactory(new Dictionary<string, string>
        {
            ["REDIS"] = redis.Configuration,
            ["SILO_PORT"] = ChildProcess.FreePort().ToString(),
        });
        using var http = factory.CreateClient();
        var roomId = (await factory.Rooms.CreateAsync("outage", null)).Id;
        await using var ada = await RoomClient.JoinAsync(factory, roomId, "Ada");
        await ada.SendChatAsync("before the outage");
        await ada.Chat.FirstAsync(m => m.Text == "before the outage");
        await using var socket = await YjsSocket.ConnectAsync(factory, roomId, "?name=Socket");
        await WaitForHealthAsync(http, HttpStatusCode.OK);

        redis.Stop();
        await WaitForHealthAsync(http, HttpStatusCode.ServiceUnavailable);
        // A change made now could not reach the other nodes: it is refused, clearly, and not applied.
        var refused = await Assert.ThrowsAsync<HubException>(() => ada.SendChatAsync("during the outage"));
        Assert.Contains("INTERVIEW_REDIS", refused.Message);
        Assert.Contains("refused", refused.Message);
        // The same from the room's page (Blazor calls the room directly, not through the hub).
        var room = (await factory.Rooms.FindAsync(roomId))!;
        var fromPage = await room.PostChatAsync(ada.Join!.ParticipantId!, "during the outage");
        Assert.Contains("INTERVIEW_REDIS", fromPage.Error);
        Assert.Null(fromPage.Message);
        Assert.Contains("INTERVIEW_REDIS", await room.StartRunAsync(ada.Join.ParticipantId!, null));
        // A stock Yjs client's change is refused too: its socket is closed with "try again later", and a new one is
        // not opened.
        await socket.EditAsync(text => text.Insert(0, "during the outage"));
        var (status, reason) = await socket.ClosedAsync();
        Assert.Equal(1013, (int?)status);
        Assert.Contains("INTERVIEW_REDIS", reason);
        Assert.Equal(503, await YjsSocket.RefusalAsync(factory, roomId, "?name=Socket"));

        await redis.StartAgainAsync();
        await WaitForHealthAsync(http, HttpStatusCode.OK);
        await using var bob = await RoomClient.JoinAsync(factory, roomId, "Bob");
        Assert.Equal(Interview.Web.Features.Rooms.JoinStatus.Joined, bob.Join!.Status);
        Assert.Contains(bob.Join.Chat, m => m.Text == "before the outage");
        Assert.DoesNotContain(bob.Join.Chat, m => m.Text == "during the outage");
        await ada.SendChatAsync("after the outage");
        await bob.Chat.FirstAsync(m => m.Text == "after the outage");
        await using var again = await YjsSocket.ConnectAsync(factory, roomId, "?name=Socket");
        Assert.DoesNotContain("during the outage", again.Text);
    }

    private static async Task WaitForHealthAsync(HttpClient http, HttpStatusCode status)
    {
        var last = (HttpStatusCode)0;
        await Eventually.TrueAsync(() =>
        {
            last = http.GetAsync("/healthz").GetAwaiter().GetResult().StatusCode;
            return last == status;
        }, $"/healthz answers {(int)status} (last {(int)last})", TimeSpan.FromSeconds(30));
    }
}
