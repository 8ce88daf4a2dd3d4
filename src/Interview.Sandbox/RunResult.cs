using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interview.Sandbox;

/// <summary>How a run ended. Serialized in snake case (<c>time_limit</c>), as in the CLI contract.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    /// <summary>The program ran and exited with code 0.</summary>
    [JsonStringEnumMemberName("ok")] Ok,
    /// <summary>The compiler rejected the source (its messages are in <see cref="RunResult.CompileOutput"/>).</summary>
    [JsonStringEnumMemberName("compile_error")] CompileError,
    /// <summary>The program exited with a non-zero code or was killed by a signal of its own making.</summary>
    [JsonStringEnumMemberName("runtime_error")] RuntimeError,
    /// <summary>CPU time or wall time ran out (of the program, or of the compiler).</summary>
    [JsonStringEnumMemberName("time_limit")] TimeLimit,
    /// <summary>The cgroup's memory limit was hit and the kernel killed a process.</summary>
    [JsonStringEnumMemberName("memory_limit")] MemoryLimit,
    /// <summary>The program kept writing far past the kept output and was killed.</summary>
    [JsonStringEnumMemberName("output_limit")] OutputLimit,
    /// <summary>The sandbox itself failed; <see cref="RunResult.Message"/> says why.</summary>
    [JsonStringEnumMemberName("internal_error")] InternalError,
}

/// <summary>The outcome of a run, shaped like the JSON object printed by <c>interview run</c>.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="ExitCode">The program's exit code; null when it was killed by a signal or never started.</param>
/// <param name="Signal">The name of the signal that killed the program (<c>SIGKILL</c>, <c>SIGSEGV</c>…), or null.</param>
/// <param name="Stdout">The first <see cref="RunLimits.OutputBytes"/> bytes of standard output, decoded as UTF-8.</param>
/// <param name="Stderr">Likewise for standard error.</param>
/// <param name="CompileOutput">What the compiler printed (both streams), or null for interpreted languages.</param>
/// <param name="WallMs">Elapsed time of the program (not of the compile step or the queue).</param>
/// <param name="CpuMs">CPU time of every process of the program's cgroup.</param>
/// <param name="MemoryKb">Peak memory of the program's cgroup.</param>
/// <param name="Truncated">True when any stream (stdout, stderr or compile output) was cut.</param>
/// <param name="Message">A human explanation for limits and internal errors; null otherwise.</param>
/// <param name="Node">The cluster node that ran the program, set by the web host (in the JSON only when set);
/// null when the sandbox was used directly, as by the CLI.</param>
public sealed record RunResult(
    RunStatus Status,
    int? ExitCode,
    string? Signal,
    string Stdout,
    string Stderr,
    string? CompileOutput,
    long WallMs,
    long CpuMs,
    long MemoryKb,
    bool Truncated,
    string? Message = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Node = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // plain JSON, not HTML-safe
    };

    /// <summary>The contract's JSON object: status, exitCode, signal, stdout, stderr, compileOutput, wallMs, cpuMs,
    /// memoryKb, truncated, message (and node when set).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    internal static RunResult Internal(string message) =>
        new(RunStatus.InternalError, null, null, "", "", null, 0, 0, 0, false, message);
}
