using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Interview.Sandbox.Tests;

/// <summary>
/// The hostile corpus (Hostile/*.py, *.sh, described in Hostile/README.md). Every test asserts on the host side
/// that the attack achieved nothing, not just that the program reported failure.
/// </summary>
public class HostileTests
{
    [Fact]
    public async Task Fork_bomb_is_contained_and_leaves_nothing_behind()
    {
        var marker = $"interview-forkbomb-{Guid.NewGuid():N}";
        var source = $"exec -a {marker} /bin/bash -c '{Sandbox.Hostile("fork_bomb.sh").Replace("'", "")}'\n";
        var result = await Sandbox.RunAsync("bash", source, limits: new RunLimits(CpuTimeMs: 2000, WallTimeMs: 3000));

        Assert.NotEqual(RunStatus.InternalError, result.Status);
        Assert.Empty(Sandbox.ProcessesWithMarker(marker));
        var after = await Sandbox.RunAsync("python", "print('alive')\n");
        Assert.Equal("alive\n", after.Stdout);
    }

    [Fact]
    public async Task Daemon_does_not_outlive_its_run()
    {
        var marker = $"interview-daemon-{Guid.NewGuid():N}";
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("daemon.py"), marker + "\n");

        Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
        Assert.Contains("parent leaving", result.Stdout);
        Assert.Empty(Sandbox.ProcessesWithMarker(marker));
    }

    [Fact]
    public async Task Memory_bomb_is_killed_inside_its_cgroup()
    {
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("memory_bomb.py"));

        Assert.True(result.Status == RunStatus.MemoryLimit, Sandbox.Describe(result));
        Assert.InRange(result.MemoryKb, 1, 256 * 1024);
    }

    [Fact]
    public async Task Disk_and_inode_fill_stop_at_the_run_tmpfs()
    {
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("disk_fill.py"));

        Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
        var bytes = long.Parse(result.Stdout.Split("bytes ")[1].Split(' ')[0]);
        Assert.InRange(bytes, 1, 64L << 20);
        var files = int.Parse(result.Stdout.Split("files ")[1].Split(' ')[0]);
        Assert.InRange(files, 1, new SandboxOptions().DiskInodes);
        Assert.Contains("ENOSPC", result.Stdout.Split("files ")[1]);
    }

    [Fact]
    public async Task Output_flood_is_cut_and_killed()
    {
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("output_flood.py"));

        Assert.Equal(RunStatus.OutputLimit, result.Status);
        Assert.True(result.Truncated);
        Assert.Equal(64 * 1024, result.Stdout.Length);
    }

    [Fact]
    public async Task Network_cannot_reach_a_host_loopback_listener()
    {
        var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var hostAddresses = NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a.Address))
                .Select(a => a.Address.ToString());
            var result = await Sandbox.RunAsync("python", Sandbox.Hostile("network.py"), $"{port}\n{string.Join(' ', hostAddresses)}\n");

            Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
            Assert.DoesNotContain("CONNECTED", result.Stdout);
            Assert.Contains("refused 127.0.0.1", result.Stdout);
            Assert.False(listener.Pending(), "the host listener saw a connection from the sandbox");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Host_files_and_environment_are_invisible()
    {
        var canary = Path.Combine(Path.GetTempPath(), $"interview-canary-{Guid.NewGuid():N}");
        var secret = Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(canary, secret);
        Environment.SetEnvironmentVariable("INTERVIEW_TEST_SECRET", secret);
        try
        {
            string[] paths = ["/etc/shadow", "/root", "/home", "/var", "/sys/fs/cgroup", "/run/interview-sandbox", canary,
                AppContext.BaseDirectory, "/proc/1/environ", "/etc/sudoers"];
            var result = await Sandbox.RunAsync("python", Sandbox.Hostile("read_host_files.py"), string.Join('\n', paths));

            Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
            Assert.DoesNotContain(secret, result.Stdout);
            Assert.DoesNotContain("INTERVIEW_TEST_SECRET", result.Stdout);
            var leaks = result.Stdout.Split('\n').Where(l => l.StartsWith("READ") || l.StartsWith("LISTED"))
                .Where(l => l != "READ /proc/1/environ b''").ToList();
            Assert.Empty(leaks);
            Assert.Equal(paths.Length, result.Stdout.Split('\n').Count(l => l.StartsWith("denied") || l.StartsWith("READ")));
        }
        finally
        {
            File.Delete(canary);
            Environment.SetEnvironmentVariable("INTERVIEW_TEST_SECRET", null);
        }
    }

    [Fact]
    public async Task Symlinks_to_host_files_change_nothing_on_the_host()
    {
        var dir = Directory.CreateTempSubdirectory("interview-symlink-").FullName;
        var canary = Path.Combine(dir, "canary.txt");
        await File.WriteAllTextAsync(canary, "original");
        var passwdBefore = await File.ReadAllTextAsync("/etc/passwd");
        try
        {
            var result = await Sandbox.RunAsync("python", Sandbox.Hostile("symlink_escape.py"), $"{canary}\n{dir}\n/etc/passwd\n");

            Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
            Assert.Equal("original", await File.ReadAllTextAsync(canary)); // not written through, not deleted by clean-up
            Assert.Equal([canary], Directory.GetFileSystemEntries(dir));
            Assert.Equal(passwdBefore, await File.ReadAllTextAsync("/etc/passwd"));
            var next = await Sandbox.RunAsync("python", "import os\nprint(os.path.islink('/box/tmp'), os.listdir('/tmp'))\n");
            Assert.Equal("False []\n", next.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Runtimes_cannot_be_tampered_with()
    {
        var python = await File.ReadAllBytesAsync("/usr/bin/python3");
        const string siteCustomize = "/usr/lib/python3.11/sitecustomize.py"; // Debian ships it (a link into /etc)
        var siteBefore = File.Exists(siteCustomize) ? await File.ReadAllTextAsync(siteCustomize) : null;
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("tamper_runtimes.py"));

        Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
        Assert.DoesNotContain("WROTE", result.Stdout);
        Assert.Equal(6, result.Stdout.Split('\n').Count(l => l.StartsWith("denied ")));
        Assert.Equal(python, await File.ReadAllBytesAsync("/usr/bin/python3"));
        Assert.Equal(siteBefore, File.Exists(siteCustomize) ? await File.ReadAllTextAsync(siteCustomize) : null);
        Assert.DoesNotContain("tampered", await File.ReadAllTextAsync("/etc/passwd"));
    }

    [Fact]
    public async Task Dangerous_system_calls_are_denied()
    {
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("syscalls.py"));

        Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
        Assert.Equal(9, result.Stdout.Split('\n').Count(l => l.StartsWith("denied ")));
        Assert.DoesNotContain("ALLOWED", result.Stdout);
    }

    [Fact]
    public async Task TIOCSTI_cannot_type_into_a_terminal()
    {
        var canary = Path.Combine(Path.GetTempPath(), $"interview-tiocsti-{Guid.NewGuid():N}");
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("tiocsti.py"), canary + "\n");

        Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
        Assert.DoesNotContain("INJECTED", result.Stdout);
        Assert.Equal(3, result.Stdout.Split('\n').Count(l => l.StartsWith("denied ")));
        Assert.False(File.Exists(canary));
        // On a pty that is its controlling terminal the kernel itself would allow TIOCSTI and answer TIOCLINUX with
        // ENOTTY: EPERM for both is the seccomp filter's answer.
        Assert.Contains("pty TIOCSTI Operation not permitted", result.Stdout);
        Assert.Contains("pty TIOCLINUX Operation not permitted", result.Stdout);
    }

    [Fact]
    public async Task Kill_minus_one_reaches_no_host_process()
    {
        // A host process with the very uid sandboxes run as: only the pid namespace protects it.
        var uid = new SandboxOptions().HostUid;
        using var victim = Process.Start(new ProcessStartInfo("/usr/bin/setpriv",
            [$"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--", "/bin/sleep", "300"]))!;
        try
        {
            var result = await Sandbox.RunAsync("bash", Sandbox.Hostile("kill_everything.sh"));

            Assert.NotEqual(RunStatus.InternalError, result.Status);
            Assert.False(victim.HasExited, "kill -9 -1 in the sandbox killed a host process");
            var after = await Sandbox.RunAsync("python", "print('alive')\n");
            Assert.Equal("alive\n", after.Stdout);
        }
        finally
        {
            victim.Kill();
        }
    }

    [Fact]
    public async Task Files_do_not_leak_between_runs()
    {
        var secret = Guid.NewGuid().ToString("N");
        var writer = await Sandbox.RunAsync("bash", Sandbox.Hostile("leak_writer.sh"), secret);
        var reader = await Sandbox.RunAsync("bash", Sandbox.Hostile("leak_reader.sh"));

        Assert.Contains("wrote /tmp", writer.Stdout);
        Assert.True(reader.Status == RunStatus.Ok, Sandbox.Describe(reader));
        Assert.DoesNotContain(secret, reader.Stdout);
        Assert.DoesNotContain("left-behind", reader.Stdout);
    }
}
