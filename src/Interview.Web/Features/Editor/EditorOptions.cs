using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Features.Editor;

/// <summary>Collaborative editor settings, section <c>Editor</c> (environment: <c>INTERVIEW_Editor__MaxDocumentBytes</c>, …).</summary>
public sealed class EditorOptions
{
    public const string Section = "Editor";

    /// <summary>Largest single Yjs update accepted (after reassembling chunks), in bytes. Default 5 MB.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxUpdateBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Largest document, as the size of its encoded state plus the updates since the last snapshot. An update that
    /// would cross it is refused and the document stays as it was. Default 5 MB.
    /// </summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Updates appended since the last snapshot that trigger a new snapshot (compaction). Default 500.</summary>
    [Range(1, 1_000_000)]
    public int SnapshotEveryUpdates { get; set; } = 500;

    /// <summary>Bytes of updates appended since the last snapshot that trigger a new snapshot. Default 1 MB.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public long SnapshotEveryBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Updates the room keeps as history for session playback. Past this (or <see cref="HistoryMaxBytes"/>) the oldest
    /// tenth is folded into the history's base state, so playback starts later but from a real state. Default 50,000.
    /// </summary>
    [Range(1, 100_000_000)]
    public int HistoryMaxUpdates { get; set; } = 50_000;

    /// <summary>Bytes of updates kept as history for session playback (see <see cref="HistoryMaxUpdates"/>). Default 50 MB.</summary>
    [Range(1024, long.MaxValue)]
    public long HistoryMaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>A document nobody has open is compacted and dropped from memory after this long. Default 60 s.</summary>
    [Range(0, 86_400)]
    public double UnloadAfterIdleSeconds { get; set; } = 60;

    /// <summary>Editor frames one connection may send per second (sustained; bursts of twice that). A keystroke sends up to
    /// two (the update and the cursor), so this leaves room for key repeat. Default 100.</summary>
    [Range(1, 100_000)]
    public int FramesPerSecond { get; set; } = 100;

    /// <summary>Bytes one connection may send in editor frames per 10 seconds. Default 20 MB.</summary>
    [Range(1024, long.MaxValue)]
    public long BytesPer10Seconds { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// Awareness client ids (cursor states) one connection may introduce; only that connection may then change or
    /// remove them. A browser tab uses one. Default 4.
    /// </summary>
    [Range(1, 64)]
    public int MaxAwarenessClientsPerConnection { get; set; } = 4;

    /// <summary>
    /// Bytes that may wait to be sent to one <c>/yjs</c> client (counted until its socket takes them). A client that
    /// falls further behind is closed (1008, "too slow") instead of being buffered for. A single frame larger than
    /// this still goes when nothing else waits. Default 16 MB.
    /// </summary>
    [Range(64 * 1024, long.MaxValue)]
    public long OutboundQueueBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary><c>/yjs</c> sockets one room may have open at once; more get 429. Default 32.</summary>
    [Range(1, 100_000)]
    public int MaxSocketsPerRoom { get; set; } = 32;

    /// <summary><c>/yjs</c> sockets one client address may have open at once, all rooms together; more get 429. Default 16.</summary>
    [Range(1, 100_000)]
    public int MaxSocketsPerAddress { get; set; } = 16;

    /// <summary>Runs kept in a room's run history. Default 20.</summary>
    [Range(1, 1000)]
    public int RunHistory { get; set; } = 20;

    /// <summary>Largest stdin a run accepts, in characters. Default 64 KiB.</summary>
    [Range(0, 16 * 1024 * 1024)]
    public int MaxStdinChars { get; set; } = 64 * 1024;

    /// <summary><c>POST /api/runs</c> calls one client address may make per minute. Default 20.</summary>
    [Range(1, 100_000)]
    public int ApiRunsPerMinute { get; set; } = 20;
}
