using System.Text.Json;
using System.Text.Json.Serialization;
using Interview.Sandbox;

namespace Interview.Web.Features.Execution;

/// <summary>Where a run is. Travels by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunState>))]
public enum RunState
{
    Queued,
    Running,
    Finished,
    Cancelled,
}

/// <summary>One run of the room's code as everyone sees it, live while it runs and final afterwards.</summary>
public sealed record RunView(
    string Id,
    string Language,
    string StartedBy,
    DateTimeOffset StartedAt,
    RunState State,
    int? QueuePosition,
    RunStatus? Status,
    string Stdout,
    string Stderr,
    string? CompileOutput,
    long WallMs,
    long CpuMs,
    long MemoryKb,
    int? ExitCode,
    string? Signal,
    bool Truncated,
    string? Message)
{
    /// <summary>
    /// The <c>data-status</c> of the output panel: the contract's run status once finished (ok, compile_error, …),
    /// <c>queued</c> or <c>running</c> while in progress, <c>cancelled</c> when stopped.
    /// </summary>
    public string DisplayStatus => State switch
    {
        RunState.Queued => "queued",
        RunState.Running => "running",
        RunState.Cancelled => "cancelled",
        _ => Status is { } status ? StatusName(status) : "internal_error",
    };

    public bool InProgress => State is RunState.Queued or RunState.Running;

    public static string StatusName(RunStatus status) => JsonSerializer.Serialize(status).Trim('"');
}
