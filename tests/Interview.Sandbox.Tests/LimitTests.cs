namespace Interview.Sandbox.Tests;

/// <summary>Each limit produces its status (DESIGN §4). Limits are lowered per call to keep the tests quick.</summary>
public class LimitTests
{
    [Fact]
    public async Task Cpu_limit_reports_time_limit()
    {
        // A long wall limit, so that only CPU time can end the run even on a busy machine.
        var result = await Sandbox.RunAsync("python", "while True:\n    pass\n", limits: new RunLimits(CpuTimeMs: 1000, WallTimeMs: 60_000));

        Assert.True(result.Status == RunStatus.TimeLimit, Sandbox.Describe(result));
        Assert.InRange(result.CpuMs, 500, 10_000); // RLIMIT_CPU and cgroup accounting differ a little in a VM
        Assert.Contains("CPU", result.Message);
    }

    [Fact]
    public async Task Cpu_limit_counts_every_process_of_the_run()
    {
        // Four busy processes: each stays under RLIMIT_CPU, together they pass the cgroup's CPU budget.
        var source = "import os\nfor _ in range(3):\n    if os.fork() == 0:\n        break\nwhile True:\n    pass\n";
        var result = await Sandbox.RunAsync("python", source, limits: new RunLimits(CpuTimeMs: 1500, WallTimeMs: 60_000));

        Assert.True(result.Status == RunStatus.TimeLimit, Sandbox.Describe(result));
        Assert.Contains("CPU", result.Message);
    }

    [Fact]
    public async Task Wall_limit_reports_time_limit_for_a_sleeping_program()
    {
        var result = await Sandbox.RunAsync("python", "import time\ntime.sleep(60)\n", limits: new RunLimits(WallTimeMs: 1000));

        Assert.True(result.Status == RunStatus.TimeLimit, Sandbox.Describe(result));
        Assert.Contains("wall", result.Message);
        Assert.Equal("SIGKILL", result.Signal);
        Assert.InRange(result.WallMs, 1000, 30_000);
    }

    [Fact]
    public async Task Memory_limit_reports_memory_limit()
    {
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("memory_bomb.py"), limits: new RunLimits(MemoryMb: 64));

        Assert.True(result.Status == RunStatus.MemoryLimit, Sandbox.Describe(result));
        Assert.InRange(result.MemoryKb, 1, 64 * 1024);
        Assert.Equal("SIGKILL", result.Signal);
    }

    [Fact]
    public async Task Process_limit_stops_fork_at_the_limit()
    {
        var source = """
            import os, time
            started = 0
            try:
                for _ in range(100):
                    if os.fork() == 0:
                        time.sleep(30)
                        os._exit(0)
                    started += 1
            except OSError as e:
                print("fork failed", e.errno)
            print("started", started)
            """;
        var result = await Sandbox.RunAsync("python", source, limits: new RunLimits(Processes: 16));

        Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
        Assert.Contains("fork failed 11", result.Stdout); // EAGAIN
        var started = int.Parse(result.Stdout.Split("started ")[1].Trim());
        Assert.InRange(started, 1, 15);
    }

    [Fact]
    public async Task Output_past_the_kill_threshold_reports_output_limit()
    {
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("output_flood.py"));

        Assert.True(result.Status == RunStatus.OutputLimit, Sandbox.Describe(result));
        Assert.True(result.Truncated);
        Assert.Equal(64 * 1024, result.Stdout.Length);
    }

    [Fact]
    public async Task Output_past_the_kept_size_is_truncated_but_the_run_completes()
    {
        var result = await Sandbox.RunAsync("python", "print('y' * 100_000)\n");

        Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
        Assert.True(result.Truncated);
        Assert.Equal(64 * 1024, result.Stdout.Length);
    }

    [Fact]
    public async Task File_size_limit_kills_with_SIGXFSZ()
    {
        // Python ignores SIGXFSZ by default; restore the default action so the kernel's signal is visible.
        var source = "import signal\nsignal.signal(signal.SIGXFSZ, signal.SIG_DFL)\nopen('big', 'wb').write(b'x' * 4_000_000)\n";
        var result = await Sandbox.RunAsync("python", source, limits: new RunLimits(FileSizeMb: 1));

        Assert.True(result.Status == RunStatus.RuntimeError, Sandbox.Describe(result));
        Assert.Equal("SIGXFSZ", result.Signal);
        Assert.Null(result.ExitCode);
    }

    [Fact]
    public async Task Disk_limit_stops_writes_with_ENOSPC()
    {
        var result = await Sandbox.RunAsync("python", Sandbox.Hostile("disk_fill.py"), limits: new RunLimits(DiskMb: 8));

        Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
        var bytes = long.Parse(result.Stdout.Split("bytes ")[1].Split(' ')[0]);
        Assert.InRange(bytes, 1, 8L << 20);
        Assert.Contains("ENOSPC", result.Stdout);
    }

    [Fact]
    public async Task Exit_codes_and_signals_are_reported()
    {
        var exit = await Sandbox.RunAsync("python", "raise SystemExit(3)\n");
        var segv = await Sandbox.RunAsync("python", "import os\nos.kill(os.getpid(), 11)\n");

        Assert.Equal((RunStatus.RuntimeError, 3, null), (exit.Status, exit.ExitCode, exit.Signal));
        Assert.Equal((RunStatus.RuntimeError, null, "SIGSEGV"), (segv.Status, segv.ExitCode, segv.Signal));
    }

    [Fact]
    public async Task Limits_above_the_server_maximum_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sandbox.RunAsync("python", "", limits: new RunLimits(MemoryMb: 1 << 20)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sandbox.RunAsync("python", "", limits: new RunLimits(CpuTimeMs: 10_000_000)));
    }

    [Fact]
    public async Task Wall_limit_defaults_to_twice_the_cpu_limit()
    {
        var result = await Sandbox.RunAsync("python", "import time\ntime.sleep(60)\n", limits: new RunLimits(CpuTimeMs: 700));

        Assert.Equal(RunStatus.TimeLimit, result.Status);
        Assert.Contains("wall time limit of 1400 ms", result.Message);
    }
}
