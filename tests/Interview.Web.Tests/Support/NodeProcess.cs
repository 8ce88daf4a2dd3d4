using System.Net;

namespace Interview.Web.Tests.Support;

/// <summary>
/// One Interview node as a separate process (the Release build of the web host, Production environment), on free
/// loopback ports and its own data directory. Its output is kept for failure messages.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ChildProcess _process;

    private NodeProcess(ChildProcess process, Uri baseAddress, int siloPort, string dataDir)
    {
        _process = process;
        BaseAddress = baseAddress;
        SiloPort = siloPort;
        DataDir = dataDir;
    }

    public Uri BaseAddress { get; }

    public int SiloPort { get; }

    public string DataDir { get; }

    public int ProcessId => _process.Id;

    /// <summary>Everything the node printed so far.</summary>
    public string Output => _process.Output;

    /// <summary>Starts a node with <c>INTERVIEW_ROLE</c> = <paramref name="role"/> in the cluster of <paramref name="redis"/>
    /// and waits until its <c>/healthz</c> answers 200.</summary>
    public static async Task<NodeProcess> StartAsync(string role, string? redis, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var node = Start(role, redis, environment);
        try
        {
            await node.WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    /// <summary>Starts a node without waiting for it (for nodes expected to refuse to start).</summary>
    public static NodeProcess Start(string role, string? redis, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = RepoPaths.WebHostDll;
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build with `dotnet build Interview.sln -c Release` first");
        var httpPort = ChildProcess.FreePort();
        var siloPort = ChildProcess.FreePort();
        var dataDir = Directory.CreateTempSubdirectory("interview-node-").FullName;
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["INTERVIEW_ROLE"] = role,
            ["INTERVIEW_SILO_PORT"] = siloPort.ToString(),
            ["INTERVIEW_DATA_DIR"] = dataDir,
            ["INTERVIEW_Hosting__ClientRoot"] = Directory.CreateTempSubdirectory("interview-client-").FullName,
        };
        if (redis is not null) variables["INTERVIEW_REDIS"] = redis;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) variables[key] = value;
        var baseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        var process = ChildProcess.Start("dotnet", [dll, "--urls", baseAddress.ToString().TrimEnd('/')], variables, Path.GetDirectoryName(dll));
        return new NodeProcess(process, baseAddress, siloPort, dataDir);
    }

    /// <summary>Polls <c>/healthz</c> until it answers 200; fails with the node's output when the node exits or time runs out.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"node {BaseAddress} exited before it was healthy:\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"node {BaseAddress} was not healthy within {timeout}:\n{Output}");
            try
            {
                using var response = await Http.GetAsync(new Uri(BaseAddress, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the node to exit by itself and returns its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>kill -9: the node vanishes without leaving the cluster.</summary>
    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        try { Directory.Delete(DataDir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* left to the OS temp clean-up */ }
        return ValueTask.CompletedTask;
    }
}
