using System.Security.Cryptography;
using System.Text;
using Interview.Web.Features.Media;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Media;

public sealed class SignalingHubTests : IAsyncLifetime
{
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(new()
        {
            ["Media:TurnUrls:0"] = "turn:127.0.0.1:3478?transport=udp",
            ["Media:TurnSecret"] = "test-secret",
            ["Media:TurnCredentialSeconds"] = "3600",
            ["Media:IceServers:0:Urls:0"] = "stun:127.0.0.1:3478",
        });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> NewRoomAsync() => (await _factory.Rooms.CreateAsync("Call", null)).Id;

    [Fact]
    public async Task An_offer_reaches_only_the_addressed_peer_of_the_same_room()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CallClient.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await CallClient.JoinAsync(_factory, roomId, "Grace");
        await using var linus = await CallClient.JoinAsync(_factory, roomId, "Linus");

        Assert.Equal(SignalStatus.Relayed, await ada.OfferAsync(grace.Id, "sdp-for-grace"));
        Assert.Equal(SignalStatus.Relayed, await ada.OfferAsync(linus.Id, "sdp-for-linus"));

        var atGrace = await grace.Signals.NextAsync();
        Assert.Equal(ada.Id, atGrace.From);
        Assert.Equal(new SessionDescription("offer", "sdp-for-grace"), atGrace.Description);
        // Linus's first signal is the one addressed to him: Grace's never reached him.
        Assert.Equal("sdp-for-linus", (await linus.Signals.NextAsync()).Description!.Sdp);
    }

    [Fact]
    public async Task Candidates_and_bye_are_relayed_in_order()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CallClient.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await CallClient.JoinAsync(_factory, roomId, "Grace");

        for (var i = 0; i < 5; i++)
            await ada.SignalAsync(new SignalRequest(grace.Id, null, new IceCandidate($"candidate:{i} 1 udp 1 127.0.0.1 {5000 + i} typ host", "0", 0, "ufrag")));
        await ada.SignalAsync(new SignalRequest(grace.Id, null, null, Bye: true));

        for (var i = 0; i < 5; i++) Assert.StartsWith($"candidate:{i} ", (await grace.Signals.NextAsync()).Candidate!.Candidate);
        Assert.True((await grace.Signals.NextAsync()).Bye);
    }

    [Fact]
    public async Task A_peer_in_another_room_or_an_unknown_id_is_refused_and_nothing_is_delivered()
    {
        var roomA = await NewRoomAsync();
        var roomB = await NewRoomAsync();
        await using var ada = await CallClient.JoinAsync(_factory, roomA, "Ada");
        await using var bob = await CallClient.JoinAsync(_factory, roomB, "Bob");
        await using var eve = await CallClient.JoinAsync(_factory, roomB, "Eve");

        Assert.Equal(SignalStatus.UnknownPeer, await ada.OfferAsync(bob.Id, "cross-room"));
        Assert.Equal(SignalStatus.UnknownPeer, await ada.OfferAsync("pnosuchperson", "unknown"));
        Assert.Equal(SignalStatus.UnknownPeer, await ada.OfferAsync(ada.Id, "to-self"));

        Assert.Equal(SignalStatus.Relayed, await eve.OfferAsync(bob.Id, "marker"));
        Assert.Equal("marker", (await bob.Signals.NextAsync()).Description!.Sdp);
    }

    [Fact]
    public async Task A_connection_replaced_by_a_newer_one_of_the_same_participant_can_no_longer_signal()
    {
        var roomId = await NewRoomAsync();
        var key = RoomClient.NewSessionKey();
        await using var old = await CallClient.JoinAsync(_factory, roomId, "Ada", key);
        await using var current = await CallClient.JoinAsync(_factory, roomId, "Ada", key);
        await using var grace = await CallClient.JoinAsync(_factory, roomId, "Grace");
        Assert.Equal(old.Id, current.Id);

        Assert.Equal(SignalStatus.UnknownPeer, await old.OfferAsync(grace.Id, "stale"));
        Assert.Equal(SignalStatus.Relayed, await current.OfferAsync(grace.Id, "fresh"));
        Assert.Equal("fresh", (await grace.Signals.NextAsync()).Description!.Sdp);
        await Assert.ThrowsAsync<HubException>(() => old.JoinMediaAsync());
    }

    [Fact]
    public async Task Signaling_before_joining_a_room_is_refused()
    {
        await using var stranger = await RoomClient.ConnectAsync(_factory);
        var error = await Assert.ThrowsAsync<HubException>(() =>
            stranger.Connection.InvokeAsync<SignalStatus>(nameof(RoomHub.Signal), new SignalRequest("pabc", new SessionDescription("offer", "x"), null)));
        Assert.Contains("Join a room first", error.Message);
    }

    [Theory]
    [InlineData("both")]
    [InlineData("neither")]
    [InlineData("bad-type")]
    [InlineData("long-sdp")]
    [InlineData("long-candidate")]
    public async Task Malformed_or_oversized_signals_are_refused_with_a_reason(string kind)
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CallClient.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await CallClient.JoinAsync(_factory, roomId, "Grace");
        var offer = new SessionDescription("offer", "v=0");
        var candidate = new IceCandidate("candidate:1 1 udp 1 127.0.0.1 5000 typ host", "0", 0, null);
        var request = kind switch
        {
            "both" => new SignalRequest(grace.Id, offer, candidate),
            "neither" => new SignalRequest(grace.Id, null, null),
            "bad-type" => new SignalRequest(grace.Id, new SessionDescription("surprise", "v=0"), null),
            "long-sdp" => new SignalRequest(grace.Id, new SessionDescription("offer", new string('a', 40_000)), null),
            _ => new SignalRequest(grace.Id, null, candidate with { Candidate = new string('c', 2_000) }),
        };

        await Assert.ThrowsAsync<HubException>(() => ada.SignalAsync(request));
        Assert.Equal(SignalStatus.Relayed, await ada.OfferAsync(grace.Id, "still-works"));
        Assert.Equal("still-works", (await grace.Signals.NextAsync()).Description!.Sdp);
    }

    [Fact]
    public async Task A_message_over_the_hub_limit_closes_the_sender_connection_only()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CallClient.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await CallClient.JoinAsync(_factory, roomId, "Grace");
        var closed = new TaskCompletionSource();
        ada.Room.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        _ = ada.OfferAsync(grace.Id, new string('a', 70 * 1024)).ContinueWith(_ => { });

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Connected, grace.Room.Connection.State);
    }

    [Fact]
    public async Task Joining_the_call_lists_the_others_tells_them_and_carries_state_changes_and_leaving()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CallClient.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await CallClient.JoinAsync(_factory, roomId, "Grace");

        var first = await ada.JoinMediaAsync();
        Assert.Empty(first.Peers);
        Assert.Equal(2L * 1024 * 1024 * 1024, first.MaxFileBytes);
        var second = await grace.JoinMediaAsync(new MediaState(false, true, false, false));
        Assert.Equal([ada.Id], second.Peers.Select(p => p.ParticipantId));
        Assert.Equal("Ada", second.Peers[0].DisplayName);

        var joined = await ada.PeerJoined.FirstAsync(p => p.ParticipantId == grace.Id);
        Assert.False(joined.State.Mic);
        Assert.False(joined.Resumed);

        await grace.Room.Connection.InvokeAsync(nameof(RoomHub.SetMediaState), new MediaState(true, false, true, true));
        var changed = await ada.StateChanged.NextAsync();
        Assert.Equal(new MediaState(true, false, true, true), changed.State);

        Assert.True((await grace.JoinMediaAsync(resume: true)).Peers.Count == 1);
        Assert.True((await ada.PeerJoined.FirstAsync(p => p.ParticipantId == grace.Id)).Resumed);

        await grace.Room.Connection.InvokeAsync(nameof(RoomHub.LeaveMedia));
        Assert.Equal(grace.Id, await ada.PeerLeft.NextAsync());
        Assert.Empty((await ada.JoinMediaAsync()).Peers);
    }

    [Fact]
    public async Task Ice_servers_carry_per_participant_turn_credentials_coturn_can_check()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CallClient.JoinAsync(_factory, roomId, "Ada");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var welcome = await ada.JoinMediaAsync();

        Assert.Equal(["stun:127.0.0.1:3478"], welcome.IceServers[0].Urls);
        Assert.Null(welcome.IceServers[0].Username);
        var turn = welcome.IceServers[1];
        Assert.Equal(["turn:127.0.0.1:3478?transport=udp"], turn.Urls);
        var parts = turn.Username!.Split(':');
        Assert.Equal(ada.Id, parts[1]);
        Assert.InRange(long.Parse(parts[0]), before + 3600 - 5, before + 3600 + 60);
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes("test-secret"), Encoding.UTF8.GetBytes(turn.Username)));
        Assert.Equal(expected, turn.Credential);
        Assert.Equal("all", welcome.IceTransportPolicy);
    }

    [Fact]
    public async Task Leaving_the_call_after_page_hidden_still_tells_the_others_but_a_replaced_connection_cannot()
    {
        var roomId = await NewRoomAsync();
        var key = RoomClient.NewSessionKey();
        await using var ada = await CallClient.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await CallClient.JoinAsync(_factory, roomId, "Grace", key);
        await ada.JoinMediaAsync();
        await grace.JoinMediaAsync();

        // The tab closes: room.js says PageHidden, then the call says LeaveMedia in the same pagehide.
        await grace.Room.Connection.InvokeAsync(nameof(RoomHub.PageHidden));
        await grace.Room.Connection.InvokeAsync(nameof(RoomHub.LeaveMedia));
        Assert.Equal(grace.Id, await ada.PeerLeft.NextAsync());

        // Grace comes back on a new connection and rejoins the call; a late leave from the old one is ignored.
        await using var again = await CallClient.JoinAsync(_factory, roomId, "Grace", key);
        await again.JoinMediaAsync();
        await ada.PeerJoined.FirstAsync(p => p.ParticipantId == grace.Id);
        await grace.JoinMediaAsync().ContinueWith(_ => { });
        await grace.Room.Connection.InvokeAsync(nameof(RoomHub.LeaveMedia));
        Assert.Equal([grace.Id], (await ada.JoinMediaAsync()).Peers.Select(p => p.ParticipantId));
    }

    [Fact]
    public async Task Relayed_file_messages_reach_only_a_peer_of_the_same_room_byte_for_byte()
    {
        var roomA = await NewRoomAsync();
        var roomB = await NewRoomAsync();
        await using var ada = await CallClient.JoinAsync(_factory, roomA, "Ada");
        await using var grace = await CallClient.JoinAsync(_factory, roomA, "Grace");
        await using var bob = await CallClient.JoinAsync(_factory, roomB, "Bob");
        var relayed = new EventLog<FileRelay>();
        grace.Room.Connection.On<FileRelay>(nameof(ISignalingClient.FileRelayed), r => relayed.Add(r));
        var frame = new byte[32 * 1024];
        Random.Shared.NextBytes(frame);

        Assert.Equal(SignalStatus.Relayed, await Relay(ada, new FileRelayRequest(grace.Id, """{"t":"offer","n":1}""", null)));
        Assert.Equal(SignalStatus.Relayed, await Relay(ada, new FileRelayRequest(grace.Id, null, frame)));
        Assert.Equal(SignalStatus.UnknownPeer, await Relay(ada, new FileRelayRequest(bob.Id, null, frame)));
        await Assert.ThrowsAsync<HubException>(() => Relay(ada, new FileRelayRequest(grace.Id, "x", frame)));

        Assert.Equal(new FileRelay(ada.Id, """{"t":"offer","n":1}""", null), await relayed.NextAsync());
        var second = await relayed.NextAsync();
        Assert.Equal(frame, second.Frame);
    }

    private static Task<SignalStatus> Relay(CallClient client, FileRelayRequest request) =>
        client.Room.Connection.InvokeAsync<SignalStatus>(nameof(RoomHub.RelayFile), request);
}
