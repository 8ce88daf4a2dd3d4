using Interview.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Interview.Web.Tests.Features.Media;

public sealed class IceTransportPolicyTests
{
    [Fact]
    public async Task Relay_policy_is_sent_to_every_browser_with_the_turn_servers()
    {
        await using var factory = new InterviewFactory(new()
        {
            ["Media:TurnUrls:0"] = "turn:127.0.0.1:3478?transport=udp",
            ["Media:TurnSecret"] = "test-secret",
            ["Media:IceTransportPolicy"] = "relay",
        });
        var roomId = (await factory.Rooms.CreateAsync("Relayed", null)).Id;
        await using var ada = await CallClient.JoinAsync(factory, roomId, "Ada");

        var welcome = await ada.JoinMediaAsync();

        Assert.Equal("relay", welcome.IceTransportPolicy);
        Assert.Equal(["turn:127.0.0.1:3478?transport=udp"], Assert.Single(welcome.IceServers).Urls);
    }

    [Theory]
    [InlineData("relay", null, "Media:IceTransportPolicy=relay needs a TURN server")]
    [InlineData("direct", "turn:127.0.0.1:3478", "Media:IceTransportPolicy is all or relay")]
    public void A_policy_that_cannot_work_stops_the_host_with_a_message_naming_it(string policy, string? turnUrl, string message)
    {
        var settings = new Dictionary<string, string> { ["Media:IceTransportPolicy"] = policy };
        if (turnUrl is not null)
        {
            settings["Media:TurnUrls:0"] = turnUrl;
            settings["Media:TurnSecret"] = "s";
        }
        using var factory = new InterviewFactory(settings);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);
        Assert.Contains(message, error.Message);
    }
}
