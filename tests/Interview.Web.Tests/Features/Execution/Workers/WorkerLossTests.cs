using System.Diagnostics;
using Interview.Sandbox;
using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Features.Execution.Workers;

/// <summary>A worker killed mid-run (kill -9): the run ends in seconds with an internal error, later runs go elsewhere.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WorkerLossTests : IAsyncLifetime
{
    private readonly WorkerCluster _nodes = new();

    public Task InitializeAsync() => _nodes.InitializeAsync();

    public Task DisposeAsync() => _nodes.DisposeAsync();

    [Fact]
    public async Task Killing_the_worker_that_holds_a_long_run_fails_that_run_within_seconds_and_later_runs_succeed_on_the_other()
    {
        var observer = new Started();
        var owner = $"room:long-{Guid.NewGuid():N}";
        var longRun = _nodes.Runner.RunAsync(new RunRequest("python", "import time\nprint('sleeping', flush=True)\ntime.sleep(60)\n", OwnerKey: owner), observer);
        await observer.Chunks.FirstAsync(text => text.Contains("sleeping"), TimeSpan.FromSeconds(20));
        var holder = _nodes.Workers.Single(w => w.Output.Contains(owner, StringComparison.Ordinal));
        var other = _nodes.Workers.Single(w => w != holder);

        var clock = Stopwatch.StartNew();
        holder.Kill();
        var lost = await longRun.WaitAsync(TimeSpan.FromSeconds(20));
        clock.Stop();

        Assert.Equal(RunStatus.InternalError, lost.Status);
        Assert.Contains("was lost during the run", lost.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the lost run took {clock.Elapsed} to fail");
        for (var i = 0; i < 3; i++)
        {
            var next = await _nodes.Runner.RunAsync(new RunRequest("python", $"print({i})\n", OwnerKey: "room:after"));
            Assert.True(next.Status == RunStatus.Ok, $"run {i} after the loss: {next.Status} {next.Message}\n{_nodes.Logs}");
            Assert.Same(other, _nodes.RanOn(next));
        }
    }

    private sealed class Started : IRunObserver
    {
        public EventLog<string> Chunks { get; } = new();

        public void Output(OutputStream stream, string text) => Chunks.Add(text);
    }
}
