using Interview.Web.Features.Media;

namespace Interview.Web.Tests.Features.Media;

public sealed class TurnCredentialsTests
{
    [Fact]
    public void Matches_the_turn_rest_api_example_computed_with_openssl()
    {
        // printf '1700000000:alice' | openssl dgst -sha1 -hmac 'north' -binary | base64
        var (username, credential) = TurnCredentials.Mint("north", "alice", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        Assert.Equal("1700000000:alice", username);
        Assert.Equal(OpensslExpected, credential);
    }

    [Fact]
    public void Without_turn_urls_only_the_static_servers_are_sent()
    {
        var options = new MediaOptions { IceServers = [new IceServerOptions { Urls = ["stun:stun.example:3478"] }], TurnSecret = "s" };
        var servers = TurnCredentials.For(options, "p1", DateTimeOffset.UnixEpoch);
        Assert.Equal(["stun:stun.example:3478"], Assert.Single(servers).Urls);
    }

    private const string OpensslExpected = "Cd/49soE35ICqcJF/bCTn8Z4OyE=";
}
