using Interview.Web.Features.Chat;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Execution;
using Interview.Web.Features.Recordings;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms;

/// <summary>What every room actor needs from the host, as one bundle (a singleton).</summary>
internal sealed class RoomServices(
    IRoomStore store,
    IRecordingStore recordingStore,
    IOptions<RoomOptions> options,
    IOptions<ChatOptions> chat,
    EditorServices editor,
    IRunStore runStore,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public IRoomStore Store { get; } = store;
    public IRecordingStore RecordingStore { get; } = recordingStore;
    public RoomOptions Options { get; } = options.Value;
    public ChatOptions Chat { get; } = chat.Value;
    public EditorServices Editor { get; } = editor;
    public IRunStore RunStore { get; } = runStore;
    public TimeProvider Time { get; } = time;
    public ILogger Logger { get; } = loggers.CreateLogger("Interview.Rooms");
}

/// <summary>What a room is loaded with from storage.</summary>
internal sealed record RoomLoad(RoomRecord Record, IReadOnlyList<ChatMessage> Chat, IReadOnlyList<RoomRecording> Recordings,
    IReadOnlyList<AdmissionDecision> Admissions, IReadOnlyList<RunView> Runs);
