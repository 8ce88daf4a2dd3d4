namespace Interview.Sandbox;

/// <summary>One run: a program, its input and who asked for it.</summary>
/// <param name="Language">A language id such as <c>python</c> (see <see cref="ICodeRunner.GetLanguagesAsync"/>).</param>
/// <param name="Source">The program text, written to the language's source file (<c>main.py</c>, <c>Main.java</c>,
/// <c>Program.cs</c>, …) in a fresh work directory.</param>
/// <param name="Stdin">Bytes given to the program's standard input (UTF-8), then end of file.</param>
/// <param name="OwnerKey">Fairness key (a room or a user): queued runs are served round-robin across owners.</param>
/// <param name="Limits">Overrides of the language's limits for the program itself; null fields keep defaults.</param>
public sealed record RunRequest(
    string Language,
    string Source,
    string? Stdin = null,
    string OwnerKey = "",
    RunLimits? Limits = null);

/// <summary>
/// Resource limits of one step (compile or run). Null fields fall back to the language's, then the server's defaults
/// (<see cref="SandboxOptions.RunDefaults"/>, <see cref="SandboxOptions.CompileDefaults"/>); values above
/// <see cref="SandboxOptions.Maximum"/> are rejected.
/// </summary>
/// <param name="CpuTimeMs">CPU time of all processes of the step together (cgroup accounting, plus RLIMIT_CPU per
/// process). Exceeding it reports <see cref="RunStatus.TimeLimit"/>.</param>
/// <param name="WallTimeMs">Elapsed time. Defaults to twice the CPU limit, capped by the maximum wall time.</param>
/// <param name="MemoryMb">Memory of the cgroup (RAM plus swap, swap being off), including tmpfs pages written by the
/// program. Exceeding it kills the program and reports <see cref="RunStatus.MemoryLimit"/>.</param>
/// <param name="Processes">Processes and threads alive at once (cgroup pids controller).</param>
/// <param name="OutputBytes">Bytes kept per output stream; more is drained and dropped, and the result is marked
/// truncated.</param>
/// <param name="DiskMb">Size of the run's tmpfs (work directory and /tmp together).</param>
/// <param name="FileSizeMb">Largest file a process may write (RLIMIT_FSIZE); beyond it the write fails or the
/// process gets SIGXFSZ.</param>
public sealed record RunLimits(
    int? CpuTimeMs = null,
    int? WallTimeMs = null,
    int? MemoryMb = null,
    int? Processes = null,
    int? OutputBytes = null,
    int? DiskMb = null,
    int? FileSizeMb = null)
{
    /// <summary>Fields of <paramref name="overrides"/> that are set win over this instance's.</summary>
    public RunLimits With(RunLimits? overrides) => overrides is null ? this : new RunLimits(
        overrides.CpuTimeMs ?? CpuTimeMs,
        overrides.WallTimeMs ?? WallTimeMs,
        overrides.MemoryMb ?? MemoryMb,
        overrides.Processes ?? Processes,
        overrides.OutputBytes ?? OutputBytes,
        overrides.DiskMb ?? DiskMb,
        overrides.FileSizeMb ?? FileSizeMb);
}
