using System.Runtime.InteropServices;

namespace Interview.Sandbox.Tests;

/// <summary>
/// How sandboxes start: the launcher thread lends bubblewrap its cgroup membership and the host uid for the instant
/// of the fork. Every process of a run must be unprivileged, and every thread of the runner must get root and its
/// own cgroups back.
/// </summary>
public class LaunchTests
{
    private sealed class Ready : IRunObserver
    {
        private string _stdout = "";
        public readonly TaskCompletionSource Line = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void PhaseChanged(RunPhase phase) { }

        public void Output(OutputStream stream, string text)
        {
            if (stream == OutputStream.Stdout && (_stdout += text).Contains("ready\n")) Line.TrySetResult();
        }
    }

    [Fact]
    public Task Every_sandbox_process_has_the_host_uid_and_no_capabilities_while_the_runner_keeps_root() =>
        AssertUnprivileged(Sandbox.Runner);

    [Fact]
    public async Task The_launcher_script_used_on_cgroup_v2_gives_the_same_isolation()
    {
        using var runner = new LocalSandboxRunner(new SandboxOptions { MaxConcurrentRuns = 1, WarmSandboxes = 1, LaunchThroughScript = true });
        var hello = await runner.RunAsync(new RunRequest("python", "print('hello')\n")).WaitAsync(Sandbox.Deadline);
        Assert.True(hello.Status == RunStatus.Ok && hello.Stdout == "hello\n", Sandbox.Describe(hello));
        await AssertUnprivileged(runner);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_descriptor_the_host_left_inheritable_does_not_reach_the_program(bool throughScript)
    {
        var secret = Path.Combine(Path.GetTempPath(), $"interview-fd-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(secret, "host secret");
        var fd = OpenRaw(secret, 2); // O_RDWR and, on purpose, no O_CLOEXEC: as a careless native library would
        Assert.True(fd > 2, $"open failed: {Marshal.GetLastPInvokeError()}");
        try
        {
            // Sandboxes are launched after the descriptor exists (no warm one from before it).
            using var runner = new LocalSandboxRunner(new SandboxOptions { MaxConcurrentRuns = 1, WarmSandboxes = 1, LaunchThroughScript = throughScript });
            var source = "import os, sys\nleaked = int(sys.stdin.readline())\n"
                + "listed = sorted(int(n) for n in os.listdir('/proc/self/fd'))\n"
                + "def alive(fd):\n    try:\n        os.fstat(fd)\n        return True\n    except OSError:\n        return False\n"
                + "print('open', *[fd for fd in listed if fd > 2 and alive(fd)])\n"
                + "try:\n    print('read', os.pread(leaked, 100, 0))\nexcept OSError as e:\n    print('read failed', e.strerror)\n";
            var result = await runner.RunAsync(new RunRequest("python", source, $"{fd}\n")).WaitAsync(Sandbox.Deadline);

            Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
            Assert.Equal("open\nread failed Bad file descriptor\n", result.Stdout);
        }
        finally
        {
            CloseRaw(fd);
            File.Delete(secret);
        }
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    private static extern int OpenRaw(string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int CloseRaw(int fd);

    private static async Task AssertUnprivileged(LocalSandboxRunner runner)
    {
        var marker = $"interview-launch-{Guid.NewGuid():N}";
        var source = $"import subprocess\np = subprocess.Popen(['{marker}', '600'], executable='/bin/sleep')\n"
            + "print('ready', flush=True)\np.wait()\n";
        var ready = new Ready();
        using var cancel = new CancellationTokenSource();
        var run = runner.RunAsync(new RunRequest("python", source, OwnerKey: "tests"), ready, cancel.Token).WaitAsync(Sandbox.Deadline);
        await ready.Line.Task.WaitAsync(Sandbox.Deadline);
        Assert.True(await Sandbox.EventuallyAsync(() => Sandbox.ProcessesWithMarker(marker).Count > 0), "the marked process never appeared");

        var options = runner.Options;
        var branch = Path.Combine(options.CgroupRoot, "pids", options.CgroupName, Path.GetFileName(runner.StateDirectory));
        var members = Directory.GetDirectories(branch)
            .SelectMany(d => File.ReadAllLines(Path.Combine(d, "cgroup.procs"))).Select(int.Parse).ToList();
        Assert.Contains(Sandbox.ProcessesWithMarker(marker).Single(), members);
        var uid = options.HostUid.ToString();
        foreach (var pid in members.Where(p => p != Environment.ProcessId)) // a launcher thread may be in its window
        {
            // bwrap, its init, the program and its child; warm sandboxes waiting for their step too.
            var status = Status($"/proc/{pid}/status");
            if (status is null) continue; // exited meanwhile
            Assert.Equal(string.Join('\t', uid, uid, uid, uid), status["Uid"]);
            Assert.Equal(string.Join('\t', uid, uid, uid, uid), status["Gid"]);
            Assert.Equal("", status["Groups"]);
            Assert.Equal("0000000000000000", status["CapPrm"]);
            Assert.Equal("0000000000000000", status["CapEff"]);
            Assert.Equal("0000000000000000", status["CapAmb"]);
        }

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            var status = Status(Path.Combine(task, "status"));
            // Launcher threads (of any runner in this process) hold the host uid and a run's cgroup for an instant.
            if (status is null || status["Name"] == "sandbox-launche") continue;
            Assert.Equal("0\t0\t0\t0", status["Uid"]);
            Assert.Equal("0\t0\t0\t0", status["Gid"]);
            Assert.DoesNotContain("/" + options.CgroupName + "/", File.ReadAllText(Path.Combine(task, "cgroup")));
        }
    }

    private static Dictionary<string, string>? Status(string file)
    {
        try
        {
            return File.ReadAllLines(file).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1].Trim());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
