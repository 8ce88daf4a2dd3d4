using Interview.Sandbox;
using Interview.Web.Features.Execution;
using Interview.Web.Features.Execution.Workers;
using Interview.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Execution.Workers;

/// <summary>
/// A real cluster on loopback: redis-server, one web node in this process (so tests reach its <see cref="ICodeRunner"/>)
/// and two worker nodes as processes of the Release build. Started once per test class.
/// </summary>
public sealed class WorkerCluster : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;
    public InterviewFactory Web { get; private set; } = null!;
    public NodeProcess[] Workers { get; private set; } = [];

    public ICodeRunner Runner => Web.Services.GetRequiredService<ICodeRunner>();

    internal LazyCodeRunner LocalSandbox => Web.Services.GetRequiredService<LazyCodeRunner>();

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Workers = await Task.WhenAll(NodeProcess.StartAsync("worker", Redis.Configuration), NodeProcess.StartAsync("worker", Redis.Configuration));
        Web = new InterviewFactory(new Dictionary<string, string>
        {
            ["REDIS"] = Redis.Configuration,
            ["SILO_PORT"] = ChildProcess.FreePort().ToString(),
        });
        _ = Web.Server;
        var workers = Web.Services.GetRequiredService<SandboxWorkers>();
        await Eventually.TrueAsync(() => workers.Count == Workers.Length, "the web node sees both workers", TimeSpan.FromSeconds(30));
    }

    /// <summary>The worker that ran <paramref name="result"/> (by the node id it stamped on it).</summary>
    public NodeProcess RanOn(RunResult result) =>
        Workers.SingleOrDefault(w => result.Node?.Contains($"-{w.ProcessId}-", StringComparison.Ordinal) == true)
        ?? throw new Xunit.Sdk.XunitException($"run not executed by a worker (node {result.Node ?? "null"}): {result.Message}");

    /// <summary>For failure messages: what every node printed.</summary>
    public string Logs => string.Join("\n", Workers.Select((w, i) => $"--- worker {i} (pid {w.ProcessId})\n{w.Output}"));

    public async Task DisposeAsync()
    {
        if (Web is not null) await Web.DisposeAsync();
        foreach (var worker in Workers) await worker.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
    }
}
