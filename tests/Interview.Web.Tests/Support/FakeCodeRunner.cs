using Interview.Sandbox;

namespace Interview.Web.Tests.Support;

/// <summary>
/// A sandbox stand-in: echoes the request's source and stdin as output chunks, then finishes with <c>ok</c>; or
/// waits for <see cref="Release"/> (to observe a run in progress and cancel it).
/// </summary>
public sealed class FakeCodeRunner : ICodeRunner
{
    private TaskCompletionSource _gate = NewGate(open: true);

    public List<RunRequest> Requests { get; } = [];

    /// <summary>Makes the next runs wait (after their first output) until <see cref="Release"/>.</summary>
    public void Hold() => _gate = NewGate(open: false);

    public void Release() => _gate.TrySetResult();

    public async Task<RunResult> RunAsync(RunRequest request, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        lock (Requests) Requests.Add(request);
        observer?.PhaseChanged(RunPhase.Running);
        observer?.Output(OutputStream.Stdout, "ran: " + request.Source.Split('\n')[0] + "\n");
        await _gate.Task.WaitAsync(cancellationToken);
        var stdout = "ran: " + request.Source.Split('\n')[0] + "\n" + (request.Stdin ?? "");
        if (request.Stdin is { Length: > 0 } stdin) observer?.Output(OutputStream.Stdout, stdin);
        return new RunResult(RunStatus.Ok, 0, null, stdout, "", null, 12, 10, 2048, false);
    }

    public Task<IReadOnlyList<LanguageInfo>> GetLanguagesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LanguageInfo>>([]);

    private static TaskCompletionSource NewGate(bool open)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open) gate.SetResult();
        return gate;
    }
}
