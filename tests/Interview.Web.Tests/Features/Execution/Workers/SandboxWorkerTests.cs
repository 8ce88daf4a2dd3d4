using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interview.Web.Features.Execution;
using Interview.Sandbox;
using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Features.Execution.Workers;

/// <summary>A web node with two worker nodes: runs go to the workers and stream back; workers serve no pages.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SandboxWorkerTests(SandboxWorkerTests.Cluster cluster) : IClassFixture<SandboxWorkerTests.Cluster>
{
    public sealed class Cluster : IAsyncLifetime
    {
        public WorkerCluster Nodes { get; } = new();
        public Task InitializeAsync() => Nodes.InitializeAsync();
        public Task DisposeAsync() => Nodes.DisposeAsync();
    }

    private WorkerCluster Nodes => cluster.Nodes;

    [Fact]
    public async Task Runs_submitted_to_the_web_node_execute_on_both_workers_and_the_web_node_never_starts_its_sandbox()
    {
        var runs = Enumerable.Range(0, 4)
            .Select(i => Nodes.Runner.RunAsync(new RunRequest("python", $"import time\ntime.sleep(0.3)\nprint('run {i}')\n", OwnerKey: $"room:spread{i}")))
            .ToArray();
        var results = await Task.WhenAll(runs);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.True(results[i].Status == RunStatus.Ok, $"run {i}: {results[i].Status} {results[i].Message}\n{Nodes.Logs}");
            Assert.Equal($"run {i}\n", results[i].Stdout);
        }
        Assert.Equal(2, results.Select(Nodes.RanOn).Distinct().Count());
        Assert.False(Nodes.LocalSandbox.Started);
    }

    [Fact]
    public async Task Output_streams_to_the_web_node_while_the_run_goes_on_a_worker()
    {
        var observer = new Recorder();
        var run = Nodes.Runner.RunAsync(
            new RunRequest("python", "import sys, time\nprint('first', flush=True)\ntime.sleep(1.5)\nprint('second')\n", OwnerKey: "room:stream"), observer);

        await observer.Chunks.FirstAsync(c => c.Contains("first"), TimeSpan.FromSeconds(20));
        var stillRunning = !run.IsCompleted;
        var result = await run;

        Assert.True(stillRunning, "the first line arrived only with the result");
        Assert.Equal(RunStatus.Ok, result.Status);
        Assert.Equal("first\nsecond\n", result.Stdout);
        Nodes.RanOn(result);
        Assert.Contains(RunPhase.Running, observer.Phases);
    }

    [Fact]
    public async Task A_rooms_run_and_the_runs_api_on_the_web_node_execute_on_the_workers()
    {
        var roomId = (await Nodes.Web.Rooms.CreateAsync("Workers", null)).Id;
        await using var ada = await CrdtPeer.JoinAsync(Nodes.Web, roomId, "Ada");
        await ada.EditAsync(text => { text.Delete(0, text.TextLength); text.Insert(0, "print(6 * 7)\n"); });
        var room = (await Nodes.Web.Rooms.FindAsync(roomId))!;

        Assert.Null(await room.StartRunAsync(ada.Client.Join!.ParticipantId!, null));
        await Eventually.TrueAsync(() => room.EditorView.Latest is { State: RunState.Finished }, "the room's run finishes", TimeSpan.FromSeconds(60));
        var run = room.EditorView.Latest!;
        Assert.True(run.DisplayStatus == "ok", $"{run.DisplayStatus}: {run.Message}\n{Nodes.Logs}");
        Assert.Equal("42\n", run.Stdout);

        using var http = Nodes.Web.CreateClient();
        using var response = await http.PostAsJsonAsync("/api/runs", new { language = "python", source = "print('api')\n" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("api\n", body.GetProperty("stdout").GetString());
        var node = body.GetProperty("node").GetString();
        Assert.Contains(Nodes.Workers, worker => node?.Contains($"-{worker.ProcessId}-", StringComparison.Ordinal) == true);
        Assert.False(Nodes.LocalSandbox.Started);
    }

    [Fact]
    public async Task A_worker_node_serves_health_only_and_answers_404_for_pages()
    {
        using var http = new HttpClient { BaseAddress = Nodes.Workers[0].BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        foreach (var path in new[] { "/", "/rooms/abc", "/not-found", "/hubs/room/negotiate", "/api/runs" })
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);
    }

    private sealed class Recorder : IRunObserver
    {
        public EventLog<string> Chunks { get; } = new();
        public ConcurrentQueue<RunPhase> Phases { get; } = new();

        public void PhaseChanged(RunPhase phase) => Phases.Enqueue(phase);

        public void Output(OutputStream stream, string text)
        {
            if (stream == OutputStream.Stdout) Chunks.Add(text);
        }
    }
}
