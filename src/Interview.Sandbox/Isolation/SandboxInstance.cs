using System.Diagnostics;
using System.Text;
using Interview.Sandbox.Internal;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// One started sandbox: bubblewrap with its namespaces and mounts set up, inside its own cgroup, the stub waiting
/// for its command on stdin. Used for exactly one step, then killed. Launching is the expensive part (≈ 20 ms of
/// process creation here), which is why <see cref="WarmPool"/> launches some ahead of time.
/// </summary>
internal sealed class SandboxInstance : IDisposable
{
    private static readonly TimeSpan CpuPollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly Lock LaunchLock = new();
    private readonly Process _process;
    private int _killReason;

    private SandboxInstance(Process process, Box box, RunCgroup cgroup)
    {
        _process = process;
        Box = box;
        Cgroup = cgroup;
    }

    public Box Box { get; }

    public RunCgroup Cgroup { get; }

    /// <summary>False when the waiting sandbox died (then it must not be used).</summary>
    public bool IsAlive => !_process.HasExited;

    /// <summary>Starts a sandbox on <paramref name="box"/> in a new cgroup with the given initial limits. The
    /// caller keeps owning the box (it may serve several steps). Runs on the launcher thread (see
    /// <see cref="DedicatedThread"/>), and returns as soon as the process is started: bubblewrap sets the sandbox
    /// up in the background and announces readiness on stdout.</summary>
    /// <remarks>On cgroup v1 the launcher thread itself joins the cgroup and takes the host uid for the instant of
    /// the fork (<see cref="CgroupV1.AdmitCallingThread"/>, <see cref="ThreadCredentials"/>), so bubblewrap is the
    /// first and only process started from the host: no shell to join the cgroup, no setpriv to drop root. Those
    /// two execs took about 14 % of a python hello's CPU in the profile here. Elsewhere the launcher script does both.</remarks>
    public static SandboxInstance Launch(SandboxLayout layout, CgroupTree cgroups, Box box, long memoryBytes, int processes)
    {
        var cgroup = cgroups.Create();
        var seccompFd = -1;
        try
        {
            cgroup.SetLimits(memoryBytes, processes + 1); // + the launcher thread, inside while it forks (v1)
            Process? process;
            // One launch at a time in the whole process (each runner has its own launcher thread): every descriptor is
            // marked close-on-exec, then the seccomp filter's is opened inheritable and bubblewrap forked, so the
            // filter's descriptor is the only one it inherits besides its pipes, and no other launch can mark it
            // close-on-exec in between (or inherit it: the next launch marks it first).
            lock (LaunchLock)
            {
                Native.MarkDescriptorsCloseOnExec();
                if (layout.SeccompFile is { } filter) seccompFd = Native.OpenInheritable(filter);
                var bwrap = layout.BwrapArguments(box, seccompFd);
                if (cgroup is CgroupV1 v1 && Native.HasThreadCredentials && !layout.Options.LaunchThroughScript)
                {
                    var info = StartInfo(bwrap[0], bwrap.Skip(1));
                    using (v1.AdmitCallingThread())
                    using (ThreadCredentials.Become(layout.Options.HostUid))
                        process = Process.Start(info);
                }
                else
                    process = Process.Start(StartInfo("/usr/bin/dash",
                        ["-c", SandboxLayout.LauncherScript, "sandbox-launcher", .. layout.LauncherArguments(cgroup, bwrap)]));
            }
            return new SandboxInstance(process ?? throw new InvalidOperationException("process did not start"), box, cgroup);
        }
        catch
        {
            cgroup.Dispose();
            throw;
        }
        finally
        {
            if (seccompFd >= 0) Native.Close(seccompFd);
        }
    }

    /// <summary>
    /// Starts and awaits one trivial process, once, before any sandbox: .NET creates its child-process signal
    /// thread at the first start, and a thread inherits the cgroups and credentials of the thread that creates it.
    /// Created inside the launcher's window (see <see cref="Launch"/>), it would carry the host uid for good.
    /// </summary>
    public static void PrepareProcessStarts()
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/true") { UseShellExecute = false })
            ?? throw new InvalidOperationException("process did not start");
        process.WaitForExit();
    }

    private static ProcessStartInfo StartInfo(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        info.Environment.Clear(); // bwrap's own init keeps the environment it was started with
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    /// <summary>Runs the step: sends the stub its command, feeds stdin, pumps output, enforces the limits, and
    /// returns once every process of the step is gone.</summary>
    public async Task<StepOutcome> ExecuteAsync(StepSpec spec, SandboxOptions options, IRunObserver? observer, CancellationToken cancellationToken)
    {
        var limits = spec.Limits;
        Cgroup.SetLimits((long)limits.MemoryMb << 20, limits.Processes);
        Cgroup.ResetCounters();
        Box.MarkTouched();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        long readyAt = 0; // when the stub announced itself: a warm sandbox at once, a cold one after bwrap's set-up
        // The wall limit counts from readiness too; until then a generous bound covers a sandbox that never starts.
        using var wall = new CancellationTokenSource(limits.WallTimeMs + 30_000);
        var stdout = new OutputPump(_process.StandardOutput.BaseStream, limits.OutputBytes, options.OutputKillBytes,
            spec.StdoutAs ?? OutputStream.Stdout, observer, () => RequestKill(KillReason.Output, done),
            () =>
            {
                Volatile.Write(ref readyAt, clock.ElapsedMilliseconds);
                try
                {
                    wall.CancelAfter(limits.WallTimeMs);
                }
                catch (ObjectDisposedException)
                {
                    // The step is already over.
                }
            });
        var stderr = new OutputPump(_process.StandardError.BaseStream, limits.OutputBytes, options.OutputKillBytes,
            spec.StderrAs ?? OutputStream.Stderr, observer, () => RequestKill(KillReason.Output, done));
        var pumps = Task.WhenAll(Task.Run(stdout.RunAsync), Task.Run(stderr.RunAsync));
        var feeding = FeedAsync(StubLine(spec, options), spec.Stdin);
        var exited = _process.WaitForExitAsync();
        var cpuLimitNs = (long)limits.CpuTimeMs * 1_000_000;
        using (cancellationToken.Register(() => RequestKill(KillReason.Cancelled, done)))
        using (wall.Token.Register(() => RequestKill(KillReason.WallTime, done)))
        {
            while (!exited.IsCompleted)
            {
                await Task.WhenAny(exited, done.Task, Task.Delay(CpuPollInterval)).ConfigureAwait(false);
                if (done.Task.IsCompleted) break;
                if (!exited.IsCompleted && Cgroup.CpuNanoseconds > cpuLimitNs) RequestKill(KillReason.CpuTime, done);
            }
            await exited.ConfigureAwait(false);
        }
        var wallMs = clock.ElapsedMilliseconds - Volatile.Read(ref readyAt);
        // bwrap reports the program's exit as soon as it happens; its init (pid 1 of the namespace, which holds the
        // pipes) exits an instant later, taking every leftover process of the namespace with it. Wait for that
        // (the pipes' end of file) rather than killing at once, then make sure the cgroup is empty.
        if (await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false) != pumps) Cgroup.KillAll();
        await pumps.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        Cgroup.WaitEmptyOrKill();
        var cpuNs = Cgroup.CpuNanoseconds;
        var memory = Cgroup.PeakMemoryBytes;
        var oom = Cgroup.OomKilled;
        await feeding.ConfigureAwait(false);
        var killed = (KillReason)Volatile.Read(ref _killReason);
        if (killed == KillReason.None && cpuNs > cpuLimitNs) killed = KillReason.CpuTime;
        // The wall timer and the stopwatch are different clocks: the timer may fire a millisecond before the stopwatch
        // reaches the limit. A program killed for the wall limit ran at least that long.
        if (killed == KillReason.WallTime) wallMs = Math.Max(wallMs, limits.WallTimeMs);
        var (code, signal) = Signals.FromExitCode(_process.ExitCode);
        var err = stderr.Kept;
        string? internalError = null;
        if (killed == KillReason.None && (code == 125 && StartsWith(err, "sandbox: ") || code == 1 && StartsWith(err, "bwrap: ")
            || code is 1 or 125 && StartsWith(err, "setpriv: ")))
            internalError = Encoding.UTF8.GetString(err).Trim();
        return new StepOutcome(code, signal, stdout.Kept, err, stdout.Truncated || stderr.Truncated,
            wallMs, cpuNs / 1_000_000, memory / 1024, killed, oom, internalError);
    }

    private void RequestKill(KillReason reason, TaskCompletionSource done)
    {
        if (Interlocked.CompareExchange(ref _killReason, (int)reason, 0) != 0) return;
        try
        {
            Cgroup.KillAll();
        }
        catch (IOException)
        {
            // The group emptied itself meanwhile.
        }
        done.TrySetResult();
    }

    /// <summary>The one line the stub evaluates: set the rlimits (soft and hard) to the step's values, set the
    /// environment, exec. Until then only bubblewrap and the stub have run, so they inherit the host's limits.</summary>
    private static string StubLine(StepSpec spec, SandboxOptions options)
    {
        var l = spec.Limits;
        var cpuSeconds = (l.CpuTimeMs + 999) / 1000;
        var sb = new StringBuilder();
        sb.Append($"ulimit -S -t {cpuSeconds} && ulimit -H -t {cpuSeconds + 1} && ulimit -f {(long)l.FileSizeMb * 2048}")
          .Append($" && ulimit -n {options.OpenFiles} && ulimit -s {options.StackMb * 1024} && ulimit -c 0")
          .Append(" || { echo 'sandbox: cannot apply limits' >&2; exit 125; }; export");
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = "/box/work",
            ["TMPDIR"] = "/tmp",
            ["LANG"] = "C.UTF-8",
            ["USER"] = "sandbox",
        };
        foreach (var (k, v) in spec.Environment) env[k] = Catalog.LanguageCatalog.ForStep(v, l.MemoryMb);
        foreach (var (k, v) in env) sb.Append(' ').Append(k).Append('=').Append(Quote(v));
        sb.Append("; exec");
        foreach (var arg in spec.Command) sb.Append(' ').Append(Quote(Catalog.LanguageCatalog.ForStep(arg, l.MemoryMb)));
        return sb.Append('\n').ToString();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private async Task FeedAsync(string line, byte[] stdin)
    {
        var pipe = _process.StandardInput.BaseStream;
        try
        {
            await pipe.WriteAsync(Encoding.UTF8.GetBytes(line)).ConfigureAwait(false);
            if (stdin.Length > 0) await pipe.WriteAsync(stdin).ConfigureAwait(false);
            await pipe.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The program exited without reading all of its input.
        }
        finally
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Same.
            }
        }
    }

    private static bool StartsWith(byte[] bytes, string prefix) =>
        bytes.AsSpan().StartsWith(Encoding.ASCII.GetBytes(prefix));

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) Cgroup.KillAll();
        }
        catch (IOException)
        {
            // Already empty.
        }
        _process.Dispose();
        Cgroup.Dispose();
    }
}
