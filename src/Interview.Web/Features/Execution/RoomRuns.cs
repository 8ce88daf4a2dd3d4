using System.Collections.Immutable;
using System.Data.Common;
using System.Text;
using Interview.Sandbox;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Execution;

/// <summary>
/// Run for everyone: one run at a time per room, output streamed into the shared panel (the document's
/// <see cref="EditorView"/>), a short history. A run's record is stored when it starts (before the start is
/// acknowledged) and when it ends, so a restart or a node that dies loses none; a run the room was loaded with that
/// never ended (its node died) shows as an internal error.
/// </summary>
internal sealed partial class RoomRuns : IRoomRuns
{
    private const string Interrupted = "The server running this room stopped during the run; run it again.";
    private static readonly TimeSpan OutputPublishInterval = TimeSpan.FromMilliseconds(50);

    private readonly IRoomScope _room;
    private readonly RoomDocument _document;
    private readonly EditorServices _services;
    private readonly IRunStore _store;
    private ImmutableList<RunView> _runs;
    private ActiveRun? _activeRun;

    public RoomRuns(IRoomScope room, RoomDocument document, EditorServices services, IRunStore store, IReadOnlyList<RunView> history)
    {
        _room = room;
        _document = document;
        _services = services;
        _store = store;
        _runs = [.. history.Select(run => run.State is RunState.Queued or RunState.Running
            ? run with { State = RunState.Finished, QueuePosition = null, Status = RunStatus.InternalError, Message = Interrupted }
            : run)];
        if (!_runs.IsEmpty) _document.ShowRuns(_runs);
    }

    public Task<string?> StartRunAsync(string participantId, string? stdin) => _room.Enqueue(async () =>
    {
        if (_room.Ended) return "The room has ended.";
        if (!_room.Participants.TryGetValue(participantId, out var participant)) return "Join the room first.";
        if (!RolePolicy.CanRun(participant.Role)) return "Observers cannot run code.";
        if (_activeRun is not null) return "A run is already in progress.";
        if (stdin?.Length > _services.Options.MaxStdinChars) return $"Input is limited to {_services.Options.MaxStdinChars} characters.";

        var (text, language) = await _document.ReadAsync();
        var run = new ActiveRun(RoomTokens.NewParticipantId()[1..], new RunView(
            "", language, participant.DisplayName, _room.Time.GetUtcNow(), RunState.Queued, null, null, "", "", null, 0, 0, 0, null, null, false, null));
        run.View = run.View with { Id = run.Id };
        try
        {
            await _store.SaveAsync(_room.Id, run.View, _services.Options.RunHistory);
        }
        catch (DbException)
        {
            return "The run could not be saved, so it was not started; try again.";
        }
        _activeRun = run;
        ReplaceRun(run.View);
        var request = new RunRequest(language, text, string.IsNullOrEmpty(stdin) ? null : stdin, "room:" + _room.Id);
        _ = ExecuteAsync(run, request);
        return null;
    });

    public Task CancelRunAsync(string participantId) => _room.Enqueue(() =>
    {
        if (_room.Participants.TryGetValue(participantId, out var participant) && RolePolicy.CanRun(participant.Role)) CancelActive();
        return Task.CompletedTask;
    });

    /// <summary>On the room's loop: cancels the run in progress (the room is being unloaded).</summary>
    public void CancelActive()
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
            result = await _services.Runner.RunAsync(request, new Observer(this, run), run.Cancellation.Token);
        }
        catch (OperationCanceledException) { cancelled = true; }
        catch (SandboxBusyException e) { error = e.Message; }
        catch (UnknownLanguageException e) { error = e.Message; }
        catch (Exception e) { error = "The sandbox failed: " + e.Message; }
        try
        {
            await _room.Enqueue(() =>
            {
                return FinishRunAsync(run, result, cancelled, error);
            });
        }
        catch (ObjectDisposedException)
        {
            // The room was unloaded meanwhile.
        }
        run.Cancellation.Dispose();
    }

    /// <summary>Stores the run's final record, then shows it. A failed store is logged: the panel still shows the result,
    /// and the stored record (its start) reads as interrupted when the room is next loaded.</summary>
    private async Task FinishRunAsync(ActiveRun run, RunResult? result, bool cancelled, string? error)
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
        try
        {
            await _store.SaveAsync(_room.Id, view, _services.Options.RunHistory);
        }
        catch (DbException e)
        {
            Log.SaveFailed(_room.Logger, _room.Id, view.Id, e);
        }
        ReplaceRun(view);
    }

    /// <summary>Puts the run's current view at its place in the history (newest first) and publishes.</summary>
    private void ReplaceRun(RunView view)
    {
        var index = _runs.FindIndex(r => r.Id == view.Id);
        _runs = index >= 0 ? _runs.SetItem(index, view) : _runs.Insert(0, view);
        if (_runs.Count > _services.Options.RunHistory) _runs = _runs.RemoveRange(_services.Options.RunHistory, _runs.Count - _services.Options.RunHistory);
        _document.ShowRuns(_runs);
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
        _ = Task.Delay(OutputPublishInterval, _room.Time).ContinueWith(_ => _room.Enqueue(() =>
        {
            run.PublishScheduled = false;
            if (ReferenceEquals(_activeRun, run)) ReplaceRun(run.View = LiveView(run));
            return Task.CompletedTask;
        }), TaskScheduler.Default);
    }

    /// <summary>Queues <paramref name="action"/> on the room's loop (sandbox notifications arrive on other threads).</summary>
    private Task PostAsync(Func<Task> action) => _room.Enqueue(action);

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
    private sealed class Observer(RoomRuns runs, ActiveRun run) : IRunObserver
    {
        public void QueuePositionChanged(int runsAhead) => Post(() =>
        {
            run.View = run.View with { QueuePosition = runsAhead };
            runs.SchedulePublish(run);
        });

        public void PhaseChanged(RunPhase phase) => Post(() =>
        {
            run.View = run.View with { State = phase == RunPhase.Queued ? RunState.Queued : RunState.Running, QueuePosition = null };
            runs.ReplaceRun(run.View = LiveView(run));
        });

        public void Output(OutputStream stream, string text) => Post(() =>
        {
            (stream switch { OutputStream.Stdout => run.Stdout, OutputStream.Stderr => run.Stderr, _ => run.Compile }).Append(text);
            runs.SchedulePublish(run);
        });

        private void Post(Action action) => _ = runs.PostAsync(() =>
        {
            if (ReferenceEquals(runs._activeRun, run)) action();
            return Task.CompletedTask;
        });
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Room {RoomId}: the record of run {RunId} could not be stored", EventName = "RunSaveFailed")]
        public static partial void SaveFailed(ILogger logger, string roomId, string runId, Exception exception);
    }
}
