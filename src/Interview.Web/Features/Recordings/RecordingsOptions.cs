using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Features.Recordings;

/// <summary>
/// Recordings uploaded to a room, section <c>Recordings</c> (environment: <c>INTERVIEW_Recordings__MaxUploadBytes</c>, …).
/// Files live under <c>INTERVIEW_DATA_DIR/recordings/&lt;room id&gt;/</c> and are deleted with the room.
/// </summary>
public sealed class RecordingsOptions
{
    public const string Section = "Recordings";

    /// <summary>Largest recording one upload may carry. Default 500 MiB; 0 turns uploads off.</summary>
    [Range(0, 64L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Most recordings one room keeps. Default 20.</summary>
    [Range(1, 10_000)]
    public int MaxPerRoom { get; set; } = 20;

    /// <summary>Most bytes the recordings of one room take together. Default 2 GiB.</summary>
    [Range(1, 1024L * 1024 * 1024 * 1024)]
    public long MaxBytesPerRoom { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most bytes of recordings one client (address) may upload in a day, over all rooms. Default 4 GiB.</summary>
    [Range(1024, 1024L * 1024 * 1024 * 1024)]
    public long MaxBytesPerClientPerDay { get; set; } = 4L * 1024 * 1024 * 1024;

    public RecordingQuota Quota => new(MaxPerRoom, MaxBytesPerRoom);

    /// <summary>How long a download link rendered for a participant stays valid (membership is checked on every download too). Default 12 h.</summary>
    [Range(60, 7 * 24 * 3600)]
    public int DownloadLinkSeconds { get; set; } = 12 * 3600;
}
