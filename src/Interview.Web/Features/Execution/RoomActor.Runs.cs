using System.Collections.Immutable;
using System.Text;
using Interview.Sandbox;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Execution;

namespace Interview.Web.Features.Rooms;

/// <summary>Run for everyone: one run at a time per room, output streamed into the shared panel, a short history.</summary>
internal sealed partial class RoomActor
{
    private static readonly TimeSpan OutputPublishInterval = TimeSpan.FromMilliseconds(50);

    private ImmutableList<RunView> _runs = [];
    private ActiveRun? _activeRun;

    public Task<string?> StartRunAsync(string participantId, string? stdin) => Enqueue(async () =>
    {
        if (_record.EndedAt is not null) return "The room has ended.";
        if (!_participants.TryGetValue(participantId, out var participant)) return "Join the room first.";
        if (!RolePolicy.CanRun(participant.Role)) return "Observers cannot run code.";
        if (_activeRun is not null) return "A run is already in progress.";
        if (stdin?.Length > _editor.Options.MaxStdinChars) return $"Input is limited to {_editor.Options.MaxStdinChars} characters.";

        var (text, language) = await Editor.ReadAsync();
        var run = new ActiveRun(RoomTokens.NewParticipantId()[1..], new RunView(
            "", language, participant.DisplayName, _time.GetUtcNow(), RunState.Queued, null, null, "", "", null, 0, 0, 0, null, null, false, null));
        run.View = run.View with { Id = run.Id };
        _activeRun = run;
        ReplaceRun(run.View);
        var request = new RunRequest(language, text, string.IsNullOrEmpty(stdin) ? null : stdin, "room:" + Id);
        _ = ExecuteAsync(run, request);
        return null;
    });

    public Task CancelRunAsync(string participantId) => Enqueue(() =>
    {
        if (_participants.TryGetValue(participantId, out var participant) && RolePolicy.CanRun(participant.Role)) CancelActiveRun();
        return Task.CompletedTask;
    });

    private void CancelActiveRun()
    {
        if (_activeRun is { } run && !run.Cancellation.IsCancellationRequested) run.Cancellation.Cancel();
    }

    private async Task ExecuteAsync(ActiveRun run, RunRequest request)
    {
        RunResult? result = null;
        string? error = null;
        var cancelled = false;
        try
        {
            result = await _editor.Runner.RunAsync(request, new Observer(this, run), run.Cancellation.Token);
        }
        catch (OperationCanceledException) { cancelled = true; }
        catch (SandboxBusyException e) { error = e.Message; }
        catch (UnknownLanguageException e) { error = e.Message; }
        catch (Exception e) { error = "The sandbox failed: " + e.Message; }
        try
        {
            await Enqueue(() =>
            {
                FinishRun(run, result, cancelled, error);
                return Task.CompletedTask;
            });
        }
        catch (ObjectDisposedException)
        {
            // The room was unloaded meanwhile.
        }
        run.Cancellation.Dispose();
    }

    private void FinishRun(ActiveRun run, RunResult? result, bool cancelled, string? error)
    {
        var view = run.View;
        view = result is not null
            ? view with
            {
                State = RunState.Finished, QueuePosition = null, Status = result.Status, Stdout = result.Stdout, Stderr = result.Stderr,
                CompileOutput = result.CompileOutput, WallMs = result.WallMs, CpuMs = result.CpuMs, MemoryKb = result.MemoryKb,
                ExitCode = result.ExitCode, Signal = result.Signal, Truncated = result.Truncated, Message = result.Message,
            }
            : cancelled
                ? LiveView(run) with { State = RunState.Cancelled, QueuePosition = null, Message = "Cancelled." }
                : view with { State = RunState.Finished, QueuePosition = null, Status = RunStatus.InternalError, Message = error };
        if (ReferenceEquals(_activeRun, run)) _activeRun = null;
        run.View = view;
        ReplaceRun(view);
    }

    /// <summary>Puts the run's current view at its place in the history (newest first) and publishes.</summary>
    private void ReplaceRun(RunView view)
    {
        var index = _runs.FindIndex(r => r.Id == view.Id);
        _runs = index >= 0 ? _runs.SetItem(index, view) : _runs.Insert(0, view);
        if (_runs.Count > _editor.Options.RunHistory) _runs = _runs.RemoveRange(_editor.Options.RunHistory, _runs.Count - _editor.Options.RunHistory);
        PublishEditor();
    }

    private static RunView LiveView(ActiveRun run) => run.View with
    {
        Stdout = run.Stdout.ToString(),
        Stderr = run.Stderr.ToString(),
        CompileOutput = run.Compile.Length > 0 ? run.Compile.ToString() : run.View.CompileOutput,
    };

    /// <summary>Output arrives in small chunks from the sandbox's threads; the panel is republished at most every 50 ms.</summary>
    private void SchedulePublish(ActiveRun run)
    {
        if (run.PublishScheduled) return;
        run.PublishScheduled = true;
        _ = Task.Delay(OutputPublishInterval, _time).ContinueWith(_ => Enqueue(() =>
        {
            run.PublishScheduled = false;
            if (ReferenceEquals(_activeRun, run)) ReplaceRun(run.View = LiveView(run));
            return Task.CompletedTask;
        }), TaskScheduler.Default);
    }

    private sealed class ActiveRun(string id, RunView view)
    {
        public string Id { get; } = id;
        public RunView View { get; set; } = view;
        public CancellationTokenSource Cancellation { get; } = new();
        public StringBuilder Stdout { get; } = new();
        public StringBuilder Stderr { get; } = new();
        public StringBuilder Compile { get; } = new();
        public bool PublishScheduled { get; set; }
    }

    /// <summary>Sandbox notifications, moved onto the room's loop.</summary>
    private sealed class Observer(RoomActor room, ActiveRun run) : IRunObserver
    {
        public void QueuePositionChanged(int runsAhead) => Post(() =>
        {
            run.View = run.View with { QueuePosition = runsAhead };
            room.SchedulePublish(run);
        });

        public void PhaseChanged(RunPhase phase) => Post(() =>
        {
            run.View = run.View with { State = phase == RunPhase.Queued ? RunState.Queued : RunState.Running, QueuePosition = null };
            room.ReplaceRun(run.View = LiveView(run));
        });

        public void Output(OutputStream stream, string text) => Post(() =>
        {
            (stream switch { OutputStream.Stdout => run.Stdout, OutputStream.Stderr => run.Stderr, _ => run.Compile }).Append(text);
            room.SchedulePublish(run);
        });

        private void Post(Action action) => _ = room.Enqueue(() =>
        {
            if (ReferenceEquals(room._activeRun, run)) action();
            return Task.CompletedTask;
        });
    }
}
