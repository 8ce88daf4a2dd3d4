using System.ComponentModel.DataAnnotations;

namespace Interview.Sandbox;

/// <summary>
/// Server-side configuration of the local sandbox. Every option says what it controls and its default here, at the
/// point of definition; <see cref="Validate"/> checks the annotations (call it at start-up, as
/// <c>ValidateOnStart()</c> would).
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The bubblewrap binary (Debian package <c>bubblewrap</c>). Default <c>/usr/bin/bwrap</c>.</summary>
    [Required] public string BwrapPath { get; set; } = "/usr/bin/bwrap";

    /// <summary>Host directory for per-run tmpfs mounts and generated files. It must be on a local filesystem only
    /// root can write to. Default <c>/run/interview-sandbox</c>.</summary>
    [Required] public string StateDirectory { get; set; } = "/run/interview-sandbox";

    /// <summary>Where cgroup hierarchies are mounted. v1 (memory, pids, cpuacct, freezer under it) is used when
    /// present, else a writable cgroup v2 tree. Default <c>/sys/fs/cgroup</c>.</summary>
    [Required] public string CgroupRoot { get; set; } = "/sys/fs/cgroup";

    /// <summary>Name of the cgroup under which every run gets its own group. Default <c>interview-sandbox</c>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]+$")] public string CgroupName { get; set; } = "interview-sandbox";

    /// <summary>Directory holding <c>languages/&lt;id&gt;/language.json</c>. Default: <c>languages</c> next to the
    /// application.</summary>
    [Required] public string LanguagesDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "languages");

    /// <summary>Host uid and gid that bubblewrap and everything in the sandbox run as. No host account should use
    /// it: sandboxed processes then own nothing on the host. Default 61000.</summary>
    [Range(typeof(uint), "1000", "4000000000")] public uint HostUid { get; set; } = 61000;

    /// <summary>Starts every sandbox through the launcher script (as on cgroup v2) even where the launcher thread
    /// could start bubblewrap itself: for tests of that path on cgroup v1 machines.</summary>
    internal bool LaunchThroughScript { get; set; }

    /// <summary>The uid (and gid) programs see inside the sandbox. Default 1000.</summary>
    [Range(typeof(uint), "1", "65533")] public uint SandboxUid { get; set; } = 1000;

    /// <summary>Runs executing at once (each may use a whole core). Default: the number of cores.</summary>
    [Range(1, 1024)] public int MaxConcurrentRuns { get; set; } = Environment.ProcessorCount;

    /// <summary>Runs waiting for a worker, all owners together; one more is refused with
    /// <see cref="SandboxBusyException"/>. Default 100.</summary>
    [Range(0, 100_000)] public int MaxQueueLength { get; set; } = 100;

    /// <summary>Runs one owner (room or user) may have waiting. Default 10.</summary>
    [Range(1, 100_000)] public int MaxQueuedPerOwner { get; set; } = 10;

    /// <summary>Sandboxes started ahead of time (namespaces, mounts, cgroup ready, waiting for their program), so a
    /// run skips bubblewrap's start-up. Each is used once. 0 disables. Default: twice <see cref="MaxConcurrentRuns"/>.</summary>
    [Range(0, 1024)] public int? WarmSandboxes { get; set; }

    /// <summary>A stream's output is drained and dropped past <see cref="RunLimits.OutputBytes"/>; once a stream
    /// has produced this many bytes the run is killed with <see cref="RunStatus.OutputLimit"/>. Default 1 MiB.</summary>
    [Range(1, int.MaxValue)] public int OutputKillBytes { get; set; } = 1 << 20;

    /// <summary>Files and directories the run's tmpfs can hold (inode fill protection). Default 16384.</summary>
    [Range(16, 10_000_000)] public int DiskInodes { get; set; } = 16384;

    /// <summary>Open files per process (RLIMIT_NOFILE). Default 256.</summary>
    [Range(16, 65_536)] public int OpenFiles { get; set; } = 256;

    /// <summary>Stack size per process (RLIMIT_STACK), for deep recursion. Default 64 MiB.</summary>
    [Range(1, 1024)] public int StackMb { get; set; } = 64;

    /// <summary>Hide <c>/usr/local</c> (not managed by the package manager) from sandboxes. Default true.</summary>
    public bool HideUsrLocal { get; set; } = true;

    /// <summary>Load a seccomp filter denying ptrace, mount, keyctl, bpf, TIOCSTI and similar calls. Default true.</summary>
    public bool Seccomp { get; set; } = true;

    /// <summary>Limits of a program when neither the language nor the request sets them (DESIGN §4): 5 s CPU,
    /// 10 s wall, 256 MB, 64 processes, 64 KiB per stream, 64 MiB disk, 32 MiB per file.</summary>
    [Required] public RunLimits RunDefaults { get; set; } = new(5_000, 10_000, 256, 64, 64 * 1024, 64, 32);

    /// <summary>Limits of a compile step: 10 s CPU, 20 s wall, 512 MB, 128 processes, 64 KiB of messages, and the
    /// program's disk size.</summary>
    [Required] public RunLimits CompileDefaults { get; set; } = new(10_000, 20_000, 512, 128, 64 * 1024, null, 64);

    /// <summary>Server maxima: a request above one of these is rejected; a derived wall limit is capped to it.</summary>
    [Required] public RunLimits Maximum { get; set; } = new(30_000, 60_000, 2048, 512, 1 << 20, 512, 512);

    /// <summary>Number of sandboxes kept warm (resolves the <see cref="WarmSandboxes"/> default).</summary>
    internal int WarmCount => WarmSandboxes ?? 2 * MaxConcurrentRuns;

    /// <summary>Checks the data annotations and the relations between limits; throws when something is off.</summary>
    public SandboxOptions Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        foreach (var (name, limits) in new[] { ("RunDefaults", RunDefaults), ("CompileDefaults", CompileDefaults) })
        {
            if (Limits.ResolvedLimits.Resolve(limits, Maximum, RunDefaults, out var error) is null)
                throw new ValidationException($"SandboxOptions.{name}: {error}");
        }
        return this;
    }
}
