using System.Security.Cryptography;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Recordings;

/// <summary>The bytes of uploaded recordings: <c>INTERVIEW_DATA_DIR/recordings/&lt;room id&gt;/&lt;recording id&gt;.webm</c>.</summary>
public sealed class RecordingFiles(DataDirectory data)
{
    private const int BufferBytes = 64 * 1024;

    /// <summary>WebM (EBML) files start with these four bytes.</summary>
    private static ReadOnlySpan<byte> EbmlMagic => [0x1A, 0x45, 0xDF, 0xA3];

    public string RoomFolder(string roomId) => Path.Combine(data.Path, "recordings", roomId);

    public string PathOf(string roomId, string recordingId) => Path.Combine(RoomFolder(roomId), recordingId + ".webm");

    /// <summary>
    /// Copies <paramref name="body"/> to the recording's file in 64 KiB pieces (never the whole upload in memory),
    /// hashing as it goes. The file appears under its final name only once complete; on any failure nothing is left.
    /// </summary>
    public async Task<UploadOutcome> SaveAsync(string roomId, string recordingId, Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RoomFolder(roomId));
        var final = PathOf(roomId, recordingId);
        var partial = final + ".part";
        var buffer = new byte[BufferBytes];
        long size = 0;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (size == 0 && (read < EbmlMagic.Length || !buffer.AsSpan(0, EbmlMagic.Length).SequenceEqual(EbmlMagic)))
                        return Fail(UploadError.NotWebm);
                    size += read;
                    if (size > maxBytes) return Fail(UploadError.TooLarge);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (size == 0) return Fail(UploadError.Empty);
            File.Move(partial, final);
            return new UploadOutcome(null, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        UploadOutcome Fail(UploadError error)
        {
            File.Delete(partial);
            return new UploadOutcome(error, size, null);
        }
    }

    public void Delete(string roomId, string recordingId) => File.Delete(PathOf(roomId, recordingId));

    /// <summary>Removes every recording file of the room (the room expired or was deleted).</summary>
    public void DeleteRoom(string roomId)
    {
        var folder = RoomFolder(roomId);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}

public enum UploadError { TooLarge, NotWebm, Empty }

/// <summary>How an upload's copy went: an error, or the stored size and hex SHA-256.</summary>
public sealed record UploadOutcome(UploadError? Error, long Size, string? Sha256);
