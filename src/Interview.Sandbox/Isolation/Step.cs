using Interview.Sandbox.Limits;

namespace Interview.Sandbox.Isolation;

/// <summary>What to run in a sandbox: argv, environment (besides the base one), limits and stdin.</summary>
internal sealed record StepSpec(
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    ResolvedLimits Limits,
    byte[] Stdin,
    OutputStream? StdoutAs = OutputStream.Stdout,
    OutputStream? StderrAs = OutputStream.Stderr);

/// <summary>Why the host killed a step.</summary>
internal enum KillReason { None, CpuTime, WallTime, Output, Cancelled }

/// <summary>Everything measured about one step.</summary>
internal sealed record StepOutcome(
    int? ExitCode,
    string? Signal,
    byte[] Stdout,
    byte[] Stderr,
    bool Truncated,
    long WallMs,
    long CpuMs,
    long MemoryKb,
    KillReason Killed,
    bool OomKilled,
    string? InternalError);

internal static class Signals
{
    private static readonly string[] Names =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
        "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
        "SIGSYS",
    ];

    /// <summary>bubblewrap exits with 128 + n when its child died of signal n (as shells do). An exit code in that
    /// range is therefore read as a signal; a program that calls exit(137) itself is reported as SIGKILL.</summary>
    public static (int? ExitCode, string? Signal) FromExitCode(int code) =>
        code > 128 && code - 128 < 65
            ? (null, code - 128 < Names.Length ? Names[code - 128] : $"SIGRT{code - 128}")
            : (code, null);
}
