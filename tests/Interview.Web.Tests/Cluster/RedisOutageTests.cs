using System.Net;
using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Cluster;

/// <summary>Redis lost while a clustered node runs: the node says so on /healthz, keeps what it stored, and recovers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisOutageTests
{
    [Fact]
    public async Task While_redis_is_down_healthz_is_503_and_both_recover_when_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var factory = new InterviewFactory(new Dictionary<string, string>
        {
            ["REDIS"] = redis.Configuration,
            ["SILO_PORT"] = ChildProcess.FreePort().ToString(),
        });
        using var http = factory.CreateClient();
        var roomId = (await factory.Rooms.CreateAsync("outage", null)).Id;
        await using (var ada = await RoomClient.JoinAsync(factory, roomId, "Ada"))
        {
            await ada.SendChatAsync("before the outage");
            await ada.Chat.FirstAsync(m => m.Text == "before the outage");
        }
        await WaitForHealthAsync(http, HttpStatusCode.OK);

        redis.Stop();
        await WaitForHealthAsync(http, HttpStatusCode.ServiceUnavailable);

        await redis.StartAgainAsync();
        await WaitForHealthAsync(http, HttpStatusCode.OK);
        await using var bob = await RoomClient.JoinAsync(factory, roomId, "Bob");
        Assert.Equal(Interview.Web.Features.Rooms.JoinStatus.Joined, bob.Join!.Status);
        Assert.Contains(bob.Join.Chat, m => m.Text == "before the outage");
        await bob.SendChatAsync("after the outage");
        await bob.Chat.FirstAsync(m => m.Text == "after the outage");
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
