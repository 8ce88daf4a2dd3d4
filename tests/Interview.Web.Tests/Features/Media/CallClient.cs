using Interview.Web.Features.Media;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Media;

/// <summary>A room participant that also records the call's server→client events (ISignalingClient).</summary>
public sealed class CallClient : IAsyncDisposable
{
    private CallClient(RoomClient room)
    {
        Room = room;
        var c = room.Connection;
        c.On<Signal>(nameof(ISignalingClient.Signal), s => Signals.Add(s));
        c.On<MediaPeer>(nameof(ISignalingClient.MediaPeerJoined), p => PeerJoined.Add(p));
        c.On<string>(nameof(ISignalingClient.MediaPeerLeft), id => PeerLeft.Add(id));
        c.On<MediaPeer>(nameof(ISignalingClient.MediaStateChanged), p => StateChanged.Add(p));
    }

    public RoomClient Room { get; }
    public JoinResult Join { get; private set; } = null!;
    public string Id => Join.ParticipantId!;
    public EventLog<Signal> Signals { get; } = new();
    public EventLog<MediaPeer> PeerJoined { get; } = new();
    public EventLog<string> PeerLeft { get; } = new();
    public EventLog<MediaPeer> StateChanged { get; } = new();

    public static MediaState On { get; } = new(true, true, false, false);

    public static async Task<CallClient> JoinAsync(InterviewFactory factory, string roomId, string name, string? sessionKey = null)
    {
        var room = await RoomClient.ConnectAsync(factory);
        var client = new CallClient(room);
        client.Join = await room.JoinRoomAsync(roomId, name, sessionKey);
        return client;
    }

    public Task<MediaWelcome> JoinMediaAsync(MediaState? state = null, bool resume = false) =>
        Room.Connection.InvokeAsync<MediaWelcome>(nameof(RoomHub.JoinMedia), new JoinMediaRequest(state ?? On, resume));

    public Task<SignalStatus> OfferAsync(string to, string sdp = "v=0\r\n") =>
        Room.Connection.InvokeAsync<SignalStatus>(nameof(RoomHub.Signal), new SignalRequest(to, new SessionDescription("offer", sdp), null));

    public Task<SignalStatus> SignalAsync(SignalRequest request) =>
        Room.Connection.InvokeAsync<SignalStatus>(nameof(RoomHub.Signal), request);

    public ValueTask DisposeAsync() => Room.DisposeAsync();
}
