using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Interview.Web.Tests.Support;

/// <summary>
/// A real PostgreSQL 15 server for tests, from Debian's server binaries (package <c>postgresql</c>): a fresh cluster
/// (initdb once) in a temporary folder, listening on a free loopback port with its unix socket in that folder too,
/// run as the <c>postgres</c> OS user when the tests run as root (the server refuses root). fsync is off: a test
/// server need not survive a power cut. <see cref="StopAsync"/> and <see cref="StartAgainAsync"/> take it down and
/// bring it back on the same port for fault tests; disposing stops it (<c>pg_ctl stop -m fast</c>) and deletes the folder.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private const string OsUser = "postgres";

    private readonly string _root;
    private readonly EventHandler _onExit;

    private PostgresServer(string root, int port)
    {
        _root = root;
        Port = port;
        _onExit = (_, _) => StopOnExit();
    }

    public int Port { get; }

    public bool Running { get; private set; }

    private string DataDir => Path.Combine(_root, "data");

    /// <summary>Creates a cluster and starts it.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        foreach (var tool in new[] { "initdb", "pg_ctl" })
        {
            if (!File.Exists(Path.Combine(BinDir, tool)))
                throw new InvalidOperationException($"PostgreSQL 15 server binaries are missing ({BinDir}/{tool}): install the Debian package postgresql (scripts/setup.sh does).");
        }
        var root = Directory.CreateTempSubdirectory("interview-pg-").FullName;
        var server = new PostgresServer(root, FreePort());
        try
        {
            if (Environment.IsPrivilegedProcess) await RunAsync("chown", OsUser + ":", root);
            await server.RunToolAsync("initdb", "-D", server.DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
                "--no-sync", "--no-instructions");
            await server.StartAgainAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Creates an empty database (a name of letters, digits and underscores) and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        if (!DatabaseName().IsMatch(name)) throw new ArgumentException($"Not a plain database name: {name}", nameof(name));
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ToString();

    /// <summary>Stops the server at once (<c>-m fast</c>: open connections are closed).</summary>
    public async Task StopAsync()
    {
        if (!Running) return;
        await RunToolAsync("pg_ctl", "stop", "-D", DataDir, "-m", "fast", "-w");
        Running = false;
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
    }

    /// <summary>Starts the stopped server again, on the same port, and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        if (Running) return;
        var options = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300";
        await RunToolAsync("pg_ctl", "start", "-D", DataDir, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", options);
        Running = true;
        AppDomain.CurrentDomain.ProcessExit += _onExit; // a test run that ends without disposing still stops the server
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void StopOnExit()
    {
        using var stop = Process.Start(Command("pg_ctl", "stop", "-D", DataDir, "-m", "immediate"));
        stop?.WaitForExit(10_000);
    }

    private Task RunToolAsync(string tool, params string[] arguments) => RunAsync(Command(tool, arguments));

    /// <summary>The server tool, as the <c>postgres</c> user when the tests run as root.</summary>
    private static ProcessStartInfo Command(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.IsPrivilegedProcess ? "runuser" : Path.Combine(BinDir, tool));
        if (Environment.IsPrivilegedProcess)
        {
            foreach (var prefix in new[] { "-u", OsUser, "--", Path.Combine(BinDir, tool) }) start.ArgumentList.Add(prefix);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    private static Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return RunAsync(start);
    }

    private static async Task RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath(); // the postgres user may not enter the test's own folder
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {await error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,63}$")]
    private static partial Regex DatabaseName();
}
