using System.Text;
using Interview.Sandbox.Isolation;
using Interview.Sandbox.Catalog;
using Interview.Sandbox.Limits;

namespace Interview.Sandbox.Execution;

/// <summary>
/// Carries out one run on a worker: a fresh box and sandbox (warm if one is ready), the compile step if the language
/// has one, then the program in a second sandbox on the same box, each step in its own cgroup with its own limits;
/// then maps what happened to a <see cref="RunResult"/>. Sandboxes are prepared on the launcher thread and torn
/// down on the janitor thread (see <see cref="DedicatedThread"/>), never on the caller's.
/// </summary>
/// <param name="backlog">True while runs wait in the queue: the warm pool is then refilled as soon as a sandbox is
/// taken, not only once the run is over.</param>
internal sealed class RunExecutor(SandboxOptions options, SandboxLayout layout, DedicatedThread launcher, DedicatedThread janitor,
    CgroupTree cgroups, string stateDirectory, Func<bool> backlog)
{
    private long _boxes;

    public WarmPool? Pool { get; set; }

    /// <summary>Creates a fresh box and launches a sandbox on it (used by the warm pool and the cold path).</summary>
    public Task<(SandboxInstance, Box)> LaunchFreshAsync(int diskMb) => launcher.RunAsync(() =>
    {
        var box = new Box(Path.Combine(stateDirectory, $"b{Interlocked.Increment(ref _boxes)}"), diskMb, options.DiskInodes, options.HostUid);
        try
        {
            var defaults = options.RunDefaults;
            var instance = SandboxInstance.Launch(layout, cgroups, box, (long)(defaults.MemoryMb ?? 256) << 20, defaults.Processes ?? 64);
            return (instance, box);
        }
        catch
        {
            box.Dispose();
            throw;
        }
    });

    public async Task<RunResult> ExecuteAsync(LanguageDefinition language, ResolvedLimits run, ResolvedLimits compile,
        RunRequest request, IRunObserver? observer, CancellationToken cancellationToken)
    {
        var firstDisk = run.DiskMb;
        SandboxInstance? instance = null;
        Task<SandboxInstance>? pendingRun = null;
        Box? box = null;
        try
        {
            if (Pool?.TryTake() is { } warm)
            {
                (instance, box) = warm;
                if (backlog()) Pool.Refill();
                box.Resize(firstDisk);
            }
            else (instance, box) = await LaunchFreshAsync(firstDisk).ConfigureAwait(false);
            box.WriteSource(language.SourceFile, request.Source);

            string? compileOutput = null;
            var truncated = false;
            if (language.Compile is { } compileCommand)
            {
                observer?.PhaseChanged(RunPhase.Compiling);
                var env = new Dictionary<string, string>(language.Env);
                foreach (var (k, v) in language.CompileEnv) env[k] = v;
                // The program will run in a new sandbox and cgroup on the same box (no longer written by the host).
                // It is launched now, while the compiler works, so that it is ready when the compiler is done.
                var runBox = box;
                pendingRun = launcher.RunAsync(() => SandboxInstance.Launch(layout, cgroups, runBox, (long)run.MemoryMb << 20, run.Processes));
                var c = await instance.ExecuteAsync(
                    new StepSpec(compileCommand, env, compile, [], OutputStream.Compile, OutputStream.Compile),
                    options, observer, cancellationToken).ConfigureAwait(false);
                var compiler = instance;
                instance = null;
                janitor.Post(() => BestEffort(compiler));
                compileOutput = Encoding.UTF8.GetString(c.Stdout) + Encoding.UTF8.GetString(c.Stderr);
                truncated = c.Truncated;
                if (c.Killed == KillReason.Cancelled) throw new OperationCanceledException(cancellationToken);
                if (c.InternalError is not null) return RunResult.Internal(c.InternalError) with { CompileOutput = compileOutput };
                var failed = Classify(c, compile, "the compiler") switch
                {
                    (RunStatus.Ok, _) => ((RunStatus, string?)?)null,
                    (RunStatus.RuntimeError or RunStatus.OutputLimit, _) => (RunStatus.CompileError, null),
                    var other => other,
                };
                if (failed is var (status, message))
                    return new RunResult(status, null, null, "", "", compileOutput, c.WallMs, c.CpuMs, c.MemoryKb, truncated,
                        message ?? $"compilation failed ({Describe(c)})");
                instance = await pendingRun.ConfigureAwait(false);
                pendingRun = null;
            }

            observer?.PhaseChanged(RunPhase.Running);
            var r = await instance.ExecuteAsync(
                new StepSpec(language.Run, language.Env, run, Encoding.UTF8.GetBytes(request.Stdin ?? "")),
                options, observer, cancellationToken).ConfigureAwait(false);
            if (r.Killed == KillReason.Cancelled) throw new OperationCanceledException(cancellationToken);
            var stdout = Encoding.UTF8.GetString(r.Stdout);
            var stderr = Encoding.UTF8.GetString(r.Stderr);
            if (r.InternalError is not null) return RunResult.Internal(r.InternalError) with { CompileOutput = compileOutput };
            var (runStatus, runMessage) = Classify(r, run, "the program");
            return new RunResult(runStatus, r.ExitCode, r.Signal, stdout, stderr, compileOutput,
                r.WallMs, r.CpuMs, r.MemoryKb, truncated || r.Truncated, runMessage);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Launch failures, cgroup or mount errors, a pipe that never closed: the sandbox failed, not the program.
            return RunResult.Internal($"sandbox failure: {e.Message}");
        }
        finally
        {
            // Every process of the run is dead by now (ExecuteAsync waited for its cgroup to empty): removing the
            // cgroups and unmounting the box can happen after the result is returned.
            Pool?.Refill();
            TearDown(instance, pendingRun, box);
        }
    }

    private void TearDown(SandboxInstance? instance, Task<SandboxInstance>? pendingRun, Box? box)
    {
        if (pendingRun is { IsCompleted: false })
        {
            // The unused run-step sandbox is still being launched: tear everything down once it is.
            pendingRun.ContinueWith(_ => TearDown(instance, pendingRun, box), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }
        janitor.Post(() =>
        {
            BestEffort(instance);
            if (pendingRun is { IsCompletedSuccessfully: true }) BestEffort(pendingRun.Result);
            BestEffort(box);
        });
    }

    private static void BestEffort(IDisposable? disposable)
    {
        try
        {
            disposable?.Dispose();
        }
        catch (IOException)
        {
            // A group or mount that would not go away is left for the runner's shutdown clean-up.
        }
    }

    /// <summary>Maps a step's outcome to a status; limits win over the exit code.</summary>
    private (RunStatus, string?) Classify(StepOutcome o, ResolvedLimits limits, string who) => o switch
    {
        { Killed: KillReason.Output } =>
            (RunStatus.OutputLimit, $"{who} wrote more than {options.OutputKillBytes} bytes to one stream and was killed"),
        { OomKilled: true } => (RunStatus.MemoryLimit, $"{who} exceeded the memory limit of {limits.MemoryMb} MB"),
        { Killed: KillReason.CpuTime } or { Signal: "SIGXCPU" } =>
            (RunStatus.TimeLimit, $"{who} exceeded the CPU time limit of {limits.CpuTimeMs} ms"),
        { Killed: KillReason.WallTime } => (RunStatus.TimeLimit, $"{who} exceeded the wall time limit of {limits.WallTimeMs} ms"),
        { ExitCode: 0 } => (RunStatus.Ok, null),
        _ => (RunStatus.RuntimeError, null),
    };

    private static string Describe(StepOutcome o) => o.Signal is { } s ? $"killed by {s}" : $"exit code {o.ExitCode}";
}
