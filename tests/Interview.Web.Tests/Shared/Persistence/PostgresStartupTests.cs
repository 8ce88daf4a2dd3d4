using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Interview.Web.Tests.Shared.Persistence;

public sealed class PostgresStartupTests
{
    [Fact]
    public async Task A_host_whose_postgres_does_not_answer_stops_with_one_line_naming_the_setting()
    {
        var closedPort = ClosedPort();
        var dataDir = Directory.CreateTempSubdirectory("interview-startup-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Interview.Web.dll"), "--urls", "http://127.0.0.1:0" })
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["INTERVIEW_DATA_DIR"] = dataDir;
        start.Environment["INTERVIEW_POSTGRES"] = $"Host=127.0.0.1;Port={closedPort};Username=postgres;Database=interview";

        using var host = Process.Start(start)!;
        var output = host.StandardOutput.ReadToEndAsync();
        var error = host.StandardError.ReadToEndAsync();
        try
        {
            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            Directory.Delete(dataDir, recursive: true);
        }

        Assert.Equal(2, host.ExitCode);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("INTERVIEW_POSTGRES: PostgreSQL at 127.0.0.1:" + closedPort, line);
        Assert.DoesNotContain("   at ", await output);
        Assert.DoesNotContain("Exception", await output);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again once disposed
    }
}
