using Interview.Web.Features.Media;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Features.Proctoring;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Media;

/// <summary>TURN credentials (a relay through the operator's coturn) only for admitted participants and authenticated exam watchers.</summary>
public sealed class TurnAccessTests : IAsyncLifetime
{
    private const string TurnUrl = "turn:turn.test:3478?transport=udp";
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(new() { ["Media:TurnUrls:0"] = TurnUrl, ["Media:TurnSecret"] = "turn-secret" });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static Task<MediaWelcome> JoinMediaAsync(RoomClient client) =>
        client.Connection.InvokeAsync<MediaWelcome>(nameof(RoomHub.JoinMedia), new JoinMediaRequest(CallClient.On, false));

    private static IceServer? Turn(IReadOnlyList<IceServer> servers) => servers.SingleOrDefault(s => s.Urls.Contains(TurnUrl));

    [Fact]
    public async Task An_admitted_participant_gets_credentials_minted_for_them()
    {
        var room = await _factory.Rooms.CreateAsync("Call", 6);
        await using var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade");
        var turn = Turn((await JoinMediaAsync(cade)).IceServers);
        Assert.NotNull(turn);
        Assert.EndsWith(":" + cade.Id, turn.Username);
    }

    [Fact]
    public async Task A_lobby_waiter_a_refused_and_a_removed_person_get_none()
    {
        var lobbyRoom = await _factory.Rooms.CreateAsync("Lobby", 6, new RoomAccess(Lobby: true));
        await using var ivy = await RoomClient.JoinAsync(_factory, lobbyRoom.Id, "Ivy", cookie: InterviewFactory.OwnerCookieHeader(lobbyRoom));
        await using var waiting = await RoomClient.JoinAsync(_factory, lobbyRoom.Id, "Wes");
        Assert.Equal(JoinStatus.Waiting, waiting.Join!.Status);
        await Assert.ThrowsAsync<HubException>(() => JoinMediaAsync(waiting));

        var closed = await _factory.Rooms.CreateAsync("Invite only", 6, new RoomAccess(RequireInvite: true));
        await using var stranger = await RoomClient.JoinAsync(_factory, closed.Id, "Stan");
        Assert.Equal(JoinStatus.InviteRequired, stranger.Join!.Status);
        await Assert.ThrowsAsync<HubException>(() => JoinMediaAsync(stranger));

        await using var cade = await RoomClient.JoinAsync(_factory, lobbyRoom.Id, "Cade");
        await ivy.Connection.InvokeAsync(nameof(RoomHub.Admit), cade.Join!.ParticipantId);
        await cade.Admitted.NextAsync();
        await cade.JoinRoomAsync(lobbyRoom.Id, "Cade", cade.SessionKey);
        Assert.NotNull(Turn((await JoinMediaAsync(cade)).IceServers));
        await ivy.Connection.InvokeAsync(nameof(RoomHub.RemoveParticipant), cade.Id);
        await cade.Removed.NextAsync();
        await Assert.ThrowsAsync<HubException>(() => JoinMediaAsync(cade));
    }

    [Fact]
    public async Task Exam_credentials_go_to_a_watcher_with_a_pass_and_to_candidates_of_the_exam_only()
    {
        var exams = _factory.Services.GetRequiredService<IExamRegistry>();
        var examRoom = await _factory.Rooms.CreateAsync("Exam", 6);
        await exams.AssignRoomAsync(examRoom.Id, "101");
        await using var ada = await ExamClient.CandidateAsync(_factory, examRoom.Id, "Ada", ready: false);
        Assert.EndsWith(":" + ada.Id, Turn((await ada.ReadyAsync()).IceServers)!.Username);

        await using var olga = await ExamClient.ConnectAsync(_factory);
        Assert.NotNull(Turn((await olga.WatchAsync("101", ExamClient.Pass(_factory, "101", "Olga"))).IceServers));
        await using var forger = await ExamClient.ConnectAsync(_factory);
        await Assert.ThrowsAsync<HubException>(() => forger.WatchAsync("101", "eyJ0IjoiMTAxIn0.AAAA"));

        var ordinary = await _factory.Rooms.CreateAsync("Ordinary", 6);
        await using var cade = await ExamClient.CandidateAsync(_factory, ordinary.Id, "Cade", ready: false);
        await Assert.ThrowsAsync<HubException>(() => cade.ReadyAsync());
    }
}
