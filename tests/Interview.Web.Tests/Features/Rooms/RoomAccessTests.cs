using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary>
/// Who gets into a room and who stays out: the y-websocket endpoint's admission, groups joined only once admitted
/// and left on leaving, removal of every connection, bans by invite, single-holder named invites, seats and the lobby cap.
/// </summary>
public sealed partial class RoomAccessTests : IAsyncLifetime
{
    private const int MaxLobby = 2;
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(new() { ["Rooms:MaxLobby"] = MaxLobby.ToString(), ["Rooms:ReconnectGraceSeconds"] = "600" });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task<CreatedRoom> NewRoomAsync(bool requireInvite = false, bool lobby = false, int capacity = 6) =>
        _factory.Rooms.CreateAsync("Access", capacity, new RoomAccess(requireInvite, lobby));

    private Task<RoomClient> InterviewerAsync(CreatedRoom room, string name = "Ivy") =>
        RoomClient.JoinAsync(_factory, room.Id, name, cookie: InterviewFactory.OwnerCookieHeader(room));

    private async Task<IRoom> ActorAsync(CreatedRoom room) => (await _factory.Rooms.FindAsync(room.Id))!;

    /// <summary>
    /// A marker for "nothing more arrives on this connection": a hub call answered by the server after everything
    /// sent to the connection before it (SignalR keeps a connection's messages in order).
    /// </summary>
    private static Task MarkerAsync(RoomClient client) =>
        Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => client.Connection.InvokeAsync(nameof(RoomHub.SendChat), "marker"));
}
