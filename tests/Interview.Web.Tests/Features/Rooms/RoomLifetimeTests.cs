using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Interview.Sandbox;
using Interview.Web.Features.Execution;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary>Rooms across restarts of the host, on the default SQLite storage (and on PostgreSQL: <see cref="RoomLifetimeOnPostgresTests"/>).</summary>
public class RoomLifetimeTests
{
    /// <summary>A host; <paramref name="dataDir"/> is the data folder of an earlier host to start again on.</summary>
    protected virtual InterviewFactory NewHost(string? dataDir = null, Dictionary<string, string>? settings = null, TimeProvider? time = null,
        Action<IServiceCollection>? services = null) =>
        new(settings, dataDir) { Time = time, TestServices = services };

    [Fact]
    public async Task Runs_survive_a_restart_and_a_run_its_node_never_finished_reads_as_interrupted()
    {
        var runner = new FakeCodeRunner();
        string roomId, dataDir, finishedId;
        await using (var first = NewHost(services: s => s.Replace(ServiceDescriptor.Singleton<ICodeRunner>(runner))))
        {
            dataDir = first.DataDir;
            roomId = (await first.Rooms.CreateAsync("Runs", null)).Id;
            await using var ada = await RoomClient.JoinAsync(first, roomId, "Ada");
            var room = (await first.Rooms.FindAsync(roomId))!;
            Assert.Null(await room.StartRunAsync(ada.Join!.ParticipantId!, "typed input"));
            await Eventually.TrueAsync(() => room.EditorView.Latest is { State: RunState.Finished }, "the run finishes");
            var finished = room.EditorView.Latest!;
            finishedId = finished.Id;
            // A run whose node died mid-run: its start was stored (it was acknowledged), its end never was.
            await first.Services.GetRequiredService<IRunStore>().SaveAsync(roomId, finished with
            {
                Id = "cutoff", State = RunState.Running, Status = null, Stdout = "partial", StartedAt = finished.StartedAt.AddSeconds(1),
            }, keep: 10);
        }

        await using var second = NewHost(dataDir);
        await using var grace = await RoomClient.JoinAsync(second, roomId, "Grace");
        var runs = (await second.Rooms.FindAsync(roomId))!.EditorView.Runs;

        Assert.Equal(["cutoff", finishedId], runs.Select(r => r.Id));
        Assert.Equal(("internal_error", "partial"), (runs[0].DisplayStatus, runs[0].Stdout));
        Assert.Contains("stopped during the run", runs[0].Message);
        Assert.Equal(("ok", "Ada"), (runs[1].DisplayStatus, runs[1].StartedBy));
        Assert.EndsWith("typed input", runs[1].Stdout);
    }

    [Fact]
    public async Task Rooms_and_chat_survive_a_restart_of_the_host()
    {
        string roomId;
        string dataDir;
        await using (var first = NewHost())
        {
            dataDir = first.DataDir;
            roomId = (await first.Rooms.CreateAsync("Durable", null)).Id;
            await using var ada = await RoomClient.JoinAsync(first, roomId, "Ada");
            await ada.SendChatAsync("written before the restart");
        }

        await using var second = NewHost(dataDir);
        await using var grace = await RoomClient.JoinAsync(second, roomId, "Grace");

        Assert.Equal("Durable", grace.Join!.Room!.Title);
        Assert.Equal(["written before the restart"], grace.Join.Chat.Select(m => m.Text));
        Assert.Equal(["Grace"], grace.Join.Participants.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task Admissions_removals_and_barred_invites_survive_a_restart_of_the_host()
    {
        string dataDir, cadeKey, daveKey, caraInvite;
        CreatedRoom room;
        await using (var first = NewHost())
        {
            dataDir = first.DataDir;
            room = await first.Rooms.CreateAsync("Guarded", 6, new RoomAccess(RequireInvite: false, Lobby: true));
            await using var ivy = await RoomClient.JoinAsync(first, room.Id, "Ivy", cookie: InterviewFactory.OwnerCookieHeader(room));
            await using var cade = await RoomClient.JoinAsync(first, room.Id, "Cade");
            await ivy.Connection.InvokeAsync(nameof(RoomHub.Admit), cade.Join!.ParticipantId);
            await cade.Admitted.NextAsync();
            cadeKey = cade.SessionKey!;
            await using var dave = await RoomClient.JoinAsync(first, room.Id, "Dave");
            await ivy.Connection.InvokeAsync(nameof(RoomHub.Deny), dave.Join!.ParticipantId);
            daveKey = dave.SessionKey!;
            caraInvite = await first.InviteAsync(room.Id, ParticipantRole.Candidate, name: "Cara", userId: "u-7");
            await using var cara = await RoomClient.JoinAsync(first, room.Id, "Cara", invite: caraInvite);
            await ivy.Connection.InvokeAsync(nameof(RoomHub.Deny), cara.Join!.ParticipantId);
        }

        await using var second = NewHost(dataDir);
        await using var back = await RoomClient.ConnectAsync(second);
        Assert.Equal(JoinStatus.Joined, (await back.JoinRoomAsync(room.Id, "Cade", cadeKey)).Status);
        await using var turnedAway = await RoomClient.ConnectAsync(second);
        Assert.Equal(JoinStatus.Removed, (await turnedAway.JoinRoomAsync(room.Id, "Dave", daveKey)).Status);
        await using var newTab = await RoomClient.JoinAsync(second, room.Id, "Cara", invite: caraInvite);
        Assert.Equal(JoinStatus.Removed, newTab.Join!.Status);
        await using var stranger = await RoomClient.JoinAsync(second, room.Id, "Stranger");
        Assert.Equal(JoinStatus.Waiting, stranger.Join!.Status);
        // The store keeps hashes of session keys, never the keys.
        var stored = await second.Services.GetRequiredService<IRoomStore>().GetAdmissionsAsync(room.Id);
        Assert.Contains(new AdmissionDecision(AdmissionKind.AdmittedSession, RoomTokens.Hash(cadeKey)), stored);
        Assert.DoesNotContain(stored, d => d.Key == cadeKey || d.Key == daveKey);
    }

    [Fact]
    public async Task Idle_empty_rooms_expire_with_their_data_and_occupied_rooms_stay()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var factory = NewHost(settings: new() { ["Rooms:IdleExpiryHours"] = "24" }, time: time);
        var idle = (await factory.Rooms.CreateAsync("idle", null)).Id;
        var occupied = (await factory.Rooms.CreateAsync("occupied", null)).Id;
        var fresh = (await factory.Rooms.CreateAsync("fresh", null)).Id;
        await using (var visitor = await RoomClient.JoinAsync(factory, idle, "Visitor"))
        {
            await visitor.SendChatAsync("gone soon");
            await visitor.Connection.InvokeAsync(nameof(RoomHub.Leave));
        }
        await using var stays = await RoomClient.JoinAsync(factory, occupied, "Stays");

        time.Advance(TimeSpan.FromHours(25));
        await factory.Rooms.FindAsync(fresh); // loaded, but created "now" from the store's point of view below
        var store = factory.Services.GetRequiredService<IRoomStore>();
        await store.TouchAsync(fresh, time.GetUtcNow());

        var deleted = await factory.Services.GetRequiredService<RoomExpiryService>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await store.GetRoomAsync(idle));
        Assert.Empty(await store.GetRecentChatAsync(idle, 10));
        Assert.Null(await factory.Rooms.FindAsync(idle));
        Assert.NotNull(await factory.Rooms.FindAsync(occupied));
        Assert.NotNull(await factory.Rooms.FindAsync(fresh));
    }
}
