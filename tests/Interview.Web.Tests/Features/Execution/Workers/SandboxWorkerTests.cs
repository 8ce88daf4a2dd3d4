using System.Collections.Concurrent;
using System.Net;
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
