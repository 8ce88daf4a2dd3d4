using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Recordings;

/// <summary>
/// Download links of a room's recordings. A plain <c>&lt;a download&gt;</c> carries no header, so the link holds a
/// ticket: "room/recording/participant" protected (encrypted and signed, time-limited) by ASP.NET Data Protection.
/// The page renders it for its own participant; the download endpoint unprotects it and asks the room whether that
/// participant is still in it.
/// </summary>
public sealed class RecordingLinks(IDataProtectionProvider protection, IOptions<RecordingsOptions> options, TimeProvider time)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Interview.Recordings.Download").ToTimeLimitedDataProtector();

    public static string UploadPath(string roomId) => $"/rooms/{roomId}/recordings";

    public string DownloadPath(RoomRecording recording, string participantId)
    {
        var ticket = _protector.Protect($"{recording.RoomId}/{recording.Id}/{participantId}",
            time.GetUtcNow().AddSeconds(options.Value.DownloadLinkSeconds));
        return $"/rooms/{recording.RoomId}/recordings/{recording.Id}?ticket={Uri.EscapeDataString(ticket)}";
    }

    /// <summary>The participant a ticket was issued to, if it is genuine, unexpired and for this recording.</summary>
    public string? ParticipantOf(string? ticket, string roomId, string recordingId)
    {
        if (string.IsNullOrEmpty(ticket)) return null;
        try
        {
            var parts = _protector.Unprotect(ticket, out _).Split('/');
            return parts.Length == 3 && parts[0] == roomId && parts[1] == recordingId ? parts[2] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
