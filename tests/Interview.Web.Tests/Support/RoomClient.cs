using Interview.Web.Features.Chat;
using Interview.Web.Features.Rooms;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Support;

/// <summary>A .NET participant: a hub connection with every server→client event recorded.</summary>
public sealed class RoomClient : IAsyncDisposable
{
    private RoomClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<ParticipantView>(nameof(IRoomClient.ParticipantJoined), p => Joined.Add(p));
        connection.On<ParticipantView>(nameof(IRoomClient.ParticipantChanged), p => Changed.Add(p));
        connection.On<string>(nameof(IRoomClient.ParticipantLeft), id => Left.Add(id));
        connection.On<ChatMessage>(nameof(IRoomClient.ChatPosted), m => Chat.Add(m));
        connection.On(nameof(IRoomClient.RoomEnded), () => Ended.Add(true));
        connection.On(nameof(IRoomClient.LobbyAdmitted), () => Admitted.Add(true));
        connection.On<IReadOnlyList<ParticipantView>>(nameof(IRoomClient.LobbyChanged), waiting => Lobby.Add(waiting));
        connection.On<MuteRequest>(nameof(IRoomClient.MuteRequested), request => Muted.Add(request));
        connection.On<RemovedNotice>(nameof(IRoomClient.Removed), notice => Removed.Add(notice));
        connection.On<RoomView>(nameof(IRoomClient.RoomSettingsChanged), room => Settings.Add(room));
    }

    public HubConnection Connection { get; }
    public EventLog<ParticipantView> Joined { get; } = new();
    public EventLog<ParticipantView> Changed { get; } = new();
    public EventLog<string> Left { get; } = new();
    public EventLog<ChatMessage> Chat { get; } = new();
    public EventLog<bool> Ended { get; } = new();
    public EventLog<bool> Admitted { get; } = new();
    public EventLog<IReadOnlyList<ParticipantView>> Lobby { get; } = new();
    public EventLog<MuteRequest> Muted { get; } = new();
    public EventLog<RemovedNotice> Removed { get; } = new();
    public EventLog<RoomView> Settings { get; } = new();

    /// <summary>The session key of the last join (to resume or to prove a removed session cannot come back).</summary>
    public string? SessionKey { get; private set; }
    public JoinResult? Join { get; private set; }

    public static async Task<RoomClient> ConnectAsync(InterviewFactory factory, string? cookie = null)
    {
        var client = new RoomClient(factory.Connect(cookie));
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>A client of a node running as its own process (real TCP, WebSockets, MessagePack).</summary>
    public static async Task<RoomClient> ConnectAsync(Uri node)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, RoomHub.Path), Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets, options => options.SkipNegotiation = true)
            .AddMessagePackProtocol()
            .Build();
        var client = new RoomClient(connection);
        await connection.StartAsync();
        return client;
    }

    public static async Task<RoomClient> JoinAsync(InterviewFactory factory, string roomId, string name, string? cookie = null, string? invite = null)
    {
        var client = await ConnectAsync(factory, cookie);
        client.Join = await client.JoinRoomAsync(roomId, name, invite: invite);
        return client;
    }

    public async Task<JoinResult> JoinRoomAsync(string roomId, string name, string? sessionKey = null, string? invite = null)
    {
        SessionKey = sessionKey ?? NewSessionKey();
        return Join = await Connection.InvokeAsync<JoinResult>(nameof(RoomHub.Join), new JoinRequest(roomId, name, SessionKey, invite));
    }

    /// <summary>The participant's id after a successful join.</summary>
    public string Id => Join?.ParticipantId ?? throw new InvalidOperationException("not joined");

    public Task SendChatAsync(string text) => Connection.InvokeAsync(nameof(RoomHub.SendChat), text);

    public static string NewSessionKey() => Guid.NewGuid().ToString("N");

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
