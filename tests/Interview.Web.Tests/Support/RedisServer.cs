using System.Net.Sockets;
using System.Text;

namespace Interview.Web.Tests.Support;

/// <summary>
/// Debian's <c>redis-server</c> on a free loopback port for cluster tests, its data in a temporary folder (an
/// append-only file synced on every write, as docs/operations.md advises), so a restart after an outage comes back
/// with the cluster's membership table. Stopped (killed) on dispose. Install it with scripts/setup.sh.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/redis-server";
    private readonly string _dataDir;
    private ChildProcess _process;

    private RedisServer(string dataDir, int port)
    {
        _dataDir = dataDir;
        Port = port;
        _process = Launch(dataDir, port);
    }

    public int Port { get; }

    /// <summary>The <c>INTERVIEW_REDIS</c> value that reaches this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>What the server printed, for failure messages.</summary>
    public string Output => _process.Output;

    public static async Task<RedisServer> StartAsync(TimeSpan? timeout = null)
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} is missing: run scripts/setup.sh (Debian package redis-server)");
        var port = ChildProcess.FreePort();
        var server = new RedisServer(Directory.CreateTempSubdirectory("interview-redis-").FullName, port);
        await server.WaitForPingAsync(timeout);
        return server;
    }

    /// <summary>Kills the server (an outage); <see cref="StartAgainAsync"/> brings it back on the same port with its data.</summary>
    public void Stop() => _process.Dispose();

    public async Task StartAgainAsync()
    {
        _process = Launch(_dataDir, Port);
        await WaitForPingAsync(null);
    }

    private static ChildProcess Launch(string dataDir, int port) => ChildProcess.Start(Binary,
        ["--port", port.ToString(), "--bind", "127.0.0.1", "--dir", dataDir, "--save", "", "--appendonly", "yes", "--appendfsync", "always",
         "--daemonize", "no"]);

    private async Task WaitForPingAsync(TimeSpan? timeout)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                await DisposeAsync();
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING:\n{_process.Output}");
            }
            await Task.Delay(20);
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        try { Directory.Delete(_dataDir, recursive: true); }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
