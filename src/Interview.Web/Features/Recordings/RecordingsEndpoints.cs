using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Recordings;

/// <summary>
/// Uploading a recording to its room and downloading it (docs/protocol.md, "Room recordings"):
/// <c>POST /rooms/{roomId}/recordings?name=…</c> with the WebM as the raw body and the tab's session key in
/// <c>X-Interview-Session</c>; <c>GET /rooms/{roomId}/recordings/{id}?ticket=…</c> with a link the room page rendered.
/// </summary>
public static partial class RecordingsEndpoints
{
    public const string SessionHeader = "X-Interview-Session";

    public static void AddRecordings(this WebApplicationBuilder builder)
    {
        builder.AddSettings<RecordingsOptions>(RecordingsOptions.Section);
        builder.Services.AddSingleton<IRecordingStore, RecordingStore>();
        builder.Services.AddSingleton<RecordingFiles>();
        builder.Services.AddSingleton<RecordingLinks>();
        builder.Services.AddSingleton<RecordingClientQuota>();
    }

    public static void MapRecordings(this WebApplication app)
    {
        app.MapPost("/rooms/{roomId}/recordings", UploadAsync).DisableAntiforgery();
        app.MapGet("/rooms/{roomId}/recordings/{recordingId}", DownloadAsync);
    }

    /// <summary>Body of a successful upload (201).</summary>
    public sealed record UploadedRecording(string Id, string FileName, long Size, string Sha256);

    private static async Task<IResult> UploadAsync(string roomId, string? name, HttpContext context, IRoomRegistry rooms,
        RecordingFiles files, IOptions<RecordingsOptions> options, RecordingClientQuota clients, TimeProvider time)
    {
        var settings = options.Value;
        if (settings.MaxUploadBytes == 0) return Problem(StatusCodes.Status403Forbidden, "Uploading recordings is turned off on this server.");
        if (await rooms.FindAsync(roomId, context.RequestAborted) is not { } room) return Problem(StatusCodes.Status404NotFound, "No such room.");
        var sessionKey = context.Request.Headers[SessionHeader].ToString();
        if (sessionKey.Length == 0 || await room.FindUploaderAsync(sessionKey) is not { } uploader)
            return Problem(StatusCodes.Status403Forbidden, "Only participants of this room can upload recordings to it.");
        if (uploader.RoomRecordings >= settings.MaxPerRoom) return Problem(StatusCodes.Status409Conflict, RecordingQuotas.CountReached(settings.Quota));
        var roomLeft = settings.MaxBytesPerRoom - uploader.RoomBytes;
        if (context.Request.ContentLength > settings.MaxUploadBytes) return TooLarge(settings);
        if (roomLeft <= 0 || context.Request.ContentLength > roomLeft) return Problem(StatusCodes.Status409Conflict, RecordingQuotas.BytesReached(settings.Quota));
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "";
        var clientLeft = clients.Left(client);
        if (clientLeft <= 0 || context.Request.ContentLength > clientLeft) return Problem(StatusCodes.Status429TooManyRequests, clients.Reached());

        // Streamed to disk as it arrives; the server's 30 MB default body limit gives way to ours, counted while copying.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var id = "r" + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 15);
        UploadOutcome outcome;
        try
        {
            outcome = await files.SaveAsync(room.Id, id, context.Request.Body, Math.Min(settings.MaxUploadBytes, Math.Min(roomLeft, clientLeft)), context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            return Problem(StatusCodes.Status400BadRequest, "The upload was interrupted; nothing was kept.");
        }
        switch (outcome.Error)
        {
            case UploadError.TooLarge when clientLeft < Math.Min(settings.MaxUploadBytes, roomLeft):
                return Problem(StatusCodes.Status429TooManyRequests, clients.Reached());
            case UploadError.TooLarge when roomLeft < settings.MaxUploadBytes:
                return Problem(StatusCodes.Status409Conflict, RecordingQuotas.BytesReached(settings.Quota));
            case UploadError.TooLarge: return TooLarge(settings);
            case UploadError.NotWebm: return Problem(StatusCodes.Status415UnsupportedMediaType, "Only WebM recordings can be uploaded.");
            case UploadError.Empty: return Problem(StatusCodes.Status400BadRequest, "The recording is empty.");
        }
        if (!clients.TryTake(client, outcome.Size))
        {
            files.Delete(room.Id, id);
            return Problem(StatusCodes.Status429TooManyRequests, clients.Reached());
        }
        var recording = new RoomRecording(id, room.Id, CleanFileName(name), outcome.Size, outcome.Sha256!, uploader.ParticipantId,
            uploader.DisplayName, time.GetUtcNow());
        string? refusal;
        try { refusal = await room.AddRecordingAsync(recording, settings.Quota); }
        catch (ObjectDisposedException) { refusal = "The room is gone."; }
        if (refusal is not null)
        {
            files.Delete(room.Id, id);
            return Problem(StatusCodes.Status409Conflict, refusal);
        }
        return Results.Json(new UploadedRecording(id, recording.FileName, recording.Size, recording.Sha256), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> DownloadAsync(string roomId, string recordingId, string? ticket, HttpContext context,
        IRoomRegistry rooms, RecordingLinks links, RecordingFiles files)
    {
        if (await rooms.FindAsync(roomId, context.RequestAborted) is not { } room) return Problem(StatusCodes.Status404NotFound, "No such room.");
        var participantId = links.ParticipantOf(ticket, room.Id, recordingId);
        if (participantId is null || !await room.IsParticipantAsync(participantId))
            return Problem(StatusCodes.Status403Forbidden, "Only participants of this room can download its recordings; join the room and use its link.");
        var recording = room.Snapshot.Recordings.FirstOrDefault(r => r.Id == recordingId);
        var path = files.PathOf(room.Id, recordingId);
        if (recording is null || !File.Exists(path)) return Problem(StatusCodes.Status404NotFound, "No such recording in this room.");
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(path, "video/webm", recording.FileName, enableRangeProcessing: true);
    }

    private static IResult TooLarge(RecordingsOptions settings) => Problem(StatusCodes.Status413PayloadTooLarge,
        $"The recording is larger than this server accepts ({Size(settings.MaxUploadBytes)}).");

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024 * 1024.0):0.#} MiB",
        _ => $"{bytes / (1024 * 1024 * 1024.0):0.#} GiB",
    };

    /// <summary>A safe download name: letters, digits, dot, dash and underscore, ending in .webm.</summary>
    private static string CleanFileName(string? name)
    {
        var clean = UnsafeFileNameCharacters().Replace(Path.GetFileNameWithoutExtension(name ?? ""), "-").Trim('-', '.');
        if (clean.Length == 0) clean = "recording";
        if (clean.Length > 100) clean = clean[..100];
        return clean + ".webm";
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeFileNameCharacters();

    private static IResult Problem(int status, string detail) => Results.Json(new { error = detail }, statusCode: status);
}
