using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interview.Sandbox;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Execution;
using Interview.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interview.Web.Tests.Features.Execution;

public sealed class RoomRunsTests : IAsyncLifetime
{
    private readonly FakeCodeRunner _runner = new();
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(new() { ["Editor:ApiRunsPerMinute"] = "3" })
        {
            TestServices = services => services.Replace(ServiceDescriptor.Singleton<ICodeRunner>(_runner)),
        };
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_run_uses_the_servers_text_and_language_and_everyone_sees_its_output_and_history()
    {
        var roomId = (await _factory.Rooms.CreateAsync("Runs", 6)).Id;
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada");
        var room = (await _factory.Rooms.FindAsync(roomId))!;
        var views = new List<EditorView>();
        using var _ = room.SubscribeEditor(v => { lock (views) views.Add(v); });
        await ada.EditAsync(t => { t.Delete(0, t.TextLength); t.Insert(0, "print(1)\n"); });

        Assert.Null(await room.StartRunAsync(ada.Client.Join!.ParticipantId!, "input"));
        await Eventually.TrueAsync(() => room.EditorView.Latest is { State: RunState.Finished }, "the run finishes");

        var run = room.EditorView.Latest!;
        Assert.Equal("ok", run.DisplayStatus);
        Assert.Equal("ran: print(1)\ninput", run.Stdout);
        Assert.Equal("Ada", run.StartedBy);
        Assert.Equal(2048, run.MemoryKb);
        Assert.Equal(new RunRequest("python", "print(1)\n", "input", "room:" + roomId), _runner.Requests.Single());
        lock (views) Assert.Contains(views, v => v.Latest is { State: RunState.Running }); // streamed while running

        Assert.Null(await room.StartRunAsync(ada.Client.Join!.ParticipantId!, null));
        await Eventually.TrueAsync(() => room.EditorView.Runs.Count == 2 && room.EditorView.Latest!.State == RunState.Finished, "a second run joins the history");
    }

    [Fact]
    public async Task A_run_in_progress_can_be_cancelled_and_only_one_runs_at_a_time()
    {
        var roomId = (await _factory.Rooms.CreateAsync("Runs", 6)).Id;
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada");
        var room = (await _factory.Rooms.FindAsync(roomId))!;
        var participant = ada.Client.Join!.ParticipantId!;
        _runner.Hold();

        Assert.Null(await room.StartRunAsync(participant, null));
        await Eventually.TrueAsync(() => room.EditorView.Latest is { DisplayStatus: "running", Stdout.Length: > 0 }, "output streams while running");
        Assert.Equal("A run is already in progress.", await room.StartRunAsync(participant, null));

        await room.CancelRunAsync(participant);
        await Eventually.TrueAsync(() => room.EditorView.Latest is { State: RunState.Cancelled }, "the run is cancelled");
        Assert.Equal("cancelled", room.EditorView.Latest!.DisplayStatus);
        Assert.Equal("Join the room first.", await room.StartRunAsync("pnobody", null));
    }

    [Fact]
    public async Task Post_api_runs_returns_the_cli_json_and_is_rate_limited()
    {
        using var http = _factory.CreateClient();
        var response = await http.PostAsJsonAsync("/api/runs", new { language = "python", source = "print(2)", stdin = "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ran: print(2)\nx", json.RootElement.GetProperty("stdout").GetString());
        foreach (var field in new[] { "exitCode", "signal", "stderr", "compileOutput", "wallMs", "cpuMs", "memoryKb", "truncated" })
            Assert.True(json.RootElement.TryGetProperty(field, out _), field);

        var bad = await http.PostAsJsonAsync("/api/runs", new { source = "print(2)" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 3; i++) last = (await http.PostAsJsonAsync("/api/runs", new { language = "python", source = "1" })).StatusCode;
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }
}
