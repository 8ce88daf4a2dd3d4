using System.Net.Http.Json;
using Interview.Web.Features.Media;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Proctoring;

/// <summary>A hub connection recording every invigilation event (IProctoringClient): a candidate or an observer.</summary>
public sealed class ExamClient : IAsyncDisposable
{
    private ExamClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<ObserversState>(nameof(IProctoringClient.ObserversChanged), s => ObserversChanged.Add(s));
        connection.On<ExamSignal>(nameof(IProctoringClient.ExamSignal), s => Signals.Add(s));
        connection.On<IReadOnlyList<ActiveStream>>(nameof(IProctoringClient.WatchingChanged), s => Watching.Add(s));
    }

    public HubConnection Connection { get; }
    public EventLog<ObserversState> ObserversChanged { get; } = new();
    public EventLog<ExamSignal> Signals { get; } = new();
    public EventLog<IReadOnlyList<ActiveStream>> Watching { get; } = new();

    /// <summary>The candidate's participant id, or the observer's watcher id.</summary>
    public string Id { get; private set; } = "";

    public static async Task<ExamClient> ConnectAsync(InterviewFactory factory, string? cookie = null)
    {
        var client = new ExamClient(factory.Connect(cookie));
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>Joins the room (a candidate unless <paramref name="cookie"/> proves the room's owner) and reports ready.</summary>
    public static async Task<ExamClient> CandidateAsync(InterviewFactory factory, string roomId, string name, string? cookie = null, bool ready = true,
        string? invite = null)
    {
        var client = await ConnectAsync(factory, cookie);
        var join = await client.Connection.InvokeAsync<JoinResult>(nameof(RoomHub.Join), new JoinRequest(roomId, name, RoomClient.NewSessionKey(), invite));
        Assert.Equal(JoinStatus.Joined, join.Status);
        client.Id = join.ParticipantId!;
        if (ready) await client.ReadyAsync();
        return client;
    }

    /// <summary>Mints a named candidate invite for a room of the test through the integration API (exam rooms are invite-only).</summary>
    public static async Task<string> ApiInviteAsync(HttpClient api, string roomId, string testId, string userId, string name)
    {
        var minted = await api.PostAsJsonAsync($"/api/v1/rooms/{roomId}/invites", new { userId, displayName = name, role = "candidate", testId });
        Assert.Equal(System.Net.HttpStatusCode.Created, minted.StatusCode);
        return (await minted.Content.ReadFromJsonAsync<Interview.Web.Features.Integration.InviteMinted>())!.Token;
    }

    public Task<CandidateWelcome> ReadyAsync() => Connection.InvokeAsync<CandidateWelcome>(nameof(RoomHub.ExamCandidateReady));

    /// <summary>Opens the test's dashboard with a freshly minted observer pass.</summary>
    public static async Task<ExamClient> ObserverAsync(InterviewFactory factory, string testId, string name)
    {
        var client = await ConnectAsync(factory);
        var welcome = await client.WatchAsync(testId, Pass(factory, testId, name));
        client.Id = welcome.WatcherId;
        return client;
    }

    public static string Pass(InterviewFactory factory, string testId, string name, TimeSpan? lifetime = null) =>
        factory.Services.GetRequiredService<ExamPasses>().Mint(testId, name, null, lifetime ?? TimeSpan.FromHours(1));

    public Task<ExamWelcome> WatchAsync(string testId, string? pass) =>
        Connection.InvokeAsync<ExamWelcome>(nameof(RoomHub.WatchExam), new WatchExamRequest(testId, pass));

    public Task RequestAsync(string candidateId, StreamKind kind = StreamKind.Camera) =>
        Connection.InvokeAsync(nameof(RoomHub.RequestStream), new StreamRequest(candidateId, kind));

    public Task StopAsync(string candidateId, StreamKind kind = StreamKind.Camera) =>
        Connection.InvokeAsync(nameof(RoomHub.StopStream), new StreamRequest(candidateId, kind));

    public Task<IReadOnlyList<ActiveStream>> ListStreamsAsync() =>
        Connection.InvokeAsync<IReadOnlyList<ActiveStream>>(nameof(RoomHub.ListActiveStreams));

    public Task ReportAsync(FocusKind kind, string? detail = null) =>
        Connection.InvokeAsync(nameof(RoomHub.ReportFocus), new FocusReport(kind, detail));

    public Task<SignalStatus> SignalAsync(string to, StreamKind kind, string type, string sdp = "v=0\r\n", int link = 1) =>
        Connection.InvokeAsync<SignalStatus>(nameof(RoomHub.ExamSignal), new ExamSignalRequest(to, kind, link, new SessionDescription(type, sdp), null));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>A host with exam rooms: rooms created and assigned to a test through the registries.</summary>
public abstract class ExamTestBase : IAsyncLifetime
{
    protected InterviewFactory Factory { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Factory = new InterviewFactory();
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    protected IExamRegistry Exams => Factory.Services.GetRequiredService<IExamRegistry>();

    protected async Task<CreatedRoom> ExamRoomAsync(string testId)
    {
        var room = await Factory.Rooms.CreateAsync("Exam room", null);
        await Exams.AssignRoomAsync(room.Id, testId);
        return room;
    }

    protected static string OwnerCookieOf(CreatedRoom room) => $"{OwnerCookie.Name(room.Id)}={room.OwnerToken}";

    protected async Task<ExamSnapshot> SnapshotWhenAsync(string testId, Func<ExamSnapshot, bool> condition, string what)
    {
        var exam = await Exams.GetAsync(testId);
        await Eventually.TrueAsync(() => condition(exam.Snapshot), what);
        return exam.Snapshot;
    }
}
