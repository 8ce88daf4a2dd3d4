using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Interview.Web.Features.Recordings;
using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Web.Tests.Features.Recordings;

public sealed class RecordingUploadTests : IAsyncLifetime
{
    private const long Limit = 64 * 1024;
    private const long RoomBytes = 100 * 1024;
    private InterviewFactory _factory = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(new()
        {
            ["Recordings:MaxUploadBytes"] = Limit.ToString(),
            ["Recordings:MaxPerRoom"] = "3",
            ["Recordings:MaxBytesPerRoom"] = RoomBytes.ToString(),
            ["Recordings:MaxBytesPerClientPerDay"] = (120 * 1024).ToString(),
        });
        _http = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>Bytes that start like a WebM file (the EBML magic) followed by seeded noise.</summary>
    private static byte[] Webm(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }.CopyTo(bytes, 0);
        return bytes;
    }

    private async Task<(string RoomId, RoomClient Ada, string Key)> RoomWithAdaAsync()
    {
        var roomId = (await _factory.Rooms.CreateAsync("Recorded", null)).Id;
        var key = RoomClient.NewSessionKey();
        var ada = await RoomClient.ConnectAsync(_factory);
        await ada.JoinRoomAsync(roomId, "Ada", key);
        return (roomId, ada, key);
    }

    private Task<HttpResponseMessage> UploadAsync(string roomId, string? key, HttpContent content, string name = "interview-recording-1.webm")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/rooms/{roomId}/recordings?name={Uri.EscapeDataString(name)}") { Content = content };
        if (key is not null) request.Headers.Add(RecordingsEndpoints.SessionHeader, key);
        return _http.SendAsync(request);
    }

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/webm");
        return content;
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["error"];

    private string[] FilesOnDisk(string roomId)
    {
        var folder = _factory.Services.GetRequiredService<RecordingFiles>().RoomFolder(roomId);
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    [Fact]
    public async Task A_participant_uploads_everyone_in_the_room_sees_it_and_the_download_returns_the_same_bytes()
    {
        var (roomId, ada, key) = await RoomWithAdaAsync();
        await using var _ = ada;
        var bytes = Webm(40_000);

        var response = await UploadAsync(roomId, key, Body(bytes), "my call <1>.webm");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uploaded = (await response.Content.ReadFromJsonAsync<RecordingsEndpoints.UploadedRecording>())!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), uploaded.Sha256);
        Assert.Equal("my-call-1.webm", uploaded.FileName);
        var room = (await _factory.Rooms.FindAsync(roomId))!;
        var listed = Assert.Single(room.Snapshot.Recordings);
        Assert.Equal((uploaded.Id, 40_000L, "Ada"), (listed.Id, listed.Size, listed.AuthorName));

        var link = _factory.Services.GetRequiredService<RecordingLinks>().DownloadPath(listed, listed.ParticipantId);
        var download = await _http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("video/webm", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        // Kept across a reload of the room from storage.
        var rows = await _factory.Services.GetRequiredService<IRecordingStore>().ListAsync(roomId);
        Assert.Equal([uploaded.Id], rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Downloads_are_refused_without_a_ticket_with_a_forged_one_for_another_room_and_after_leaving()
    {
        var (roomId, ada, key) = await RoomWithAdaAsync();
        var otherRoom = (await _factory.Rooms.CreateAsync("Other", null)).Id;
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(roomId, key, Body(Webm(1000)))).StatusCode);
        var recording = Assert.Single((await _factory.Rooms.FindAsync(roomId))!.Snapshot.Recordings);
        var links = _factory.Services.GetRequiredService<RecordingLinks>();
        var link = links.DownloadPath(recording, recording.ParticipantId);

        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync($"/rooms/{roomId}/recordings/{recording.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync($"/rooms/{roomId}/recordings/{recording.Id}?ticket=forged")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(link.Replace(roomId, otherRoom))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(links.DownloadPath(recording, "pnotinthisroom"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(link.Replace(roomId, "nosuchroom"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(link)).StatusCode);

        await ada.Connection.InvokeAsync(nameof(RoomHub.Leave));
        await ada.DisposeAsync();
        var refused = await _http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Only participants", await ErrorOf(refused));
    }

    [Fact]
    public async Task Uploads_are_refused_for_non_participants_and_unknown_rooms_and_nothing_is_kept()
    {
        var (roomId, ada, _) = await RoomWithAdaAsync();
        await using var __ = ada;

        var anonymous = await UploadAsync(roomId, null, Body(Webm(1000)));
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Contains("Only participants", await ErrorOf(anonymous));
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(roomId, RoomClient.NewSessionKey(), Body(Webm(1000)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync("nosuchroom", RoomClient.NewSessionKey(), Body(Webm(1000)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync("abcdefghij", RoomClient.NewSessionKey(), Body(Webm(1000)))).StatusCode);

        Assert.Empty(FilesOnDisk(roomId));
        Assert.Empty((await _factory.Rooms.FindAsync(roomId))!.Snapshot.Recordings);
    }

    [Fact]
    public async Task The_size_limit_is_enforced_with_and_without_a_content_length_and_the_server_keeps_working()
    {
        var (roomId, ada, key) = await RoomWithAdaAsync();
        await using var _ = ada;

        var declared = await UploadAsync(roomId, key, Body(Webm((int)Limit + 1)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Contains("larger than this server accepts", await ErrorOf(declared));

        // Chunked (no Content-Length): counted while streaming to disk, stopped as soon as it passes the limit.
        var chunked = new StreamContent(new NonSeekableStream(Webm((int)Limit * 3)));
        var streamed = await UploadAsync(roomId, key, chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Empty(FilesOnDisk(roomId));

        var exact = await UploadAsync(roomId, key, new StreamContent(new NonSeekableStream(Webm((int)Limit))));
        Assert.Equal(HttpStatusCode.Created, exact.StatusCode);
        Assert.Single(FilesOnDisk(roomId));
    }

    [Fact]
    public async Task Something_that_is_not_webm_empty_bodies_and_too_many_recordings_get_clear_errors()
    {
        var (roomId, ada, key) = await RoomWithAdaAsync();
        await using var _ = ada;

        var text = await UploadAsync(roomId, key, new StringContent("not a video"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("Only WebM recordings can be uploaded.", await ErrorOf(text));
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(roomId, key, Body([]))).StatusCode);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await UploadAsync(roomId, key, Body(Webm(100, i)))).StatusCode);
        var full = await UploadAsync(roomId, key, Body(Webm(100)));
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("already keeps 3 recordings", await ErrorOf(full));
        Assert.Equal(3, FilesOnDisk(roomId).Length);
    }

    [Fact]
    public async Task A_recording_over_the_rooms_byte_quota_is_refused_with_and_without_a_content_length_and_the_kept_ones_stay()
    {
        var (roomId, ada, key) = await RoomWithAdaAsync();
        await using var _ = ada;
        var first = Webm(60_000, 1);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(roomId, key, Body(first))).StatusCode);

        var declared = await UploadAsync(roomId, key, Body(Webm(50_000, 2)));
        Assert.Equal(HttpStatusCode.Conflict, declared.StatusCode);
        Assert.Contains("does not fit in the room's 100 KiB for recordings", await ErrorOf(declared));
        var streamed = await UploadAsync(roomId, key, new StreamContent(new NonSeekableStream(Webm(50_000, 3))));
        Assert.Equal(HttpStatusCode.Conflict, streamed.StatusCode);
        Assert.Contains("does not fit", await ErrorOf(streamed));

        var kept = Assert.Single((await _factory.Rooms.FindAsync(roomId))!.Snapshot.Recordings);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), kept.Sha256);
        Assert.Single(FilesOnDisk(roomId));
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(roomId, key, Body(Webm(40_000, 4)))).StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_daily_recording_bytes_is_refused_in_any_room_and_the_kept_ones_stay()
    {
        var (first, ada, adaKey) = await RoomWithAdaAsync();
        await using var _ = ada;
        var (second, bob, bobKey) = await RoomWithAdaAsync();
        await using var __ = bob;
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(first, adaKey, Body(Webm(60_000, 1)))).StatusCode);  // 59 of 120 KiB
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(second, bobKey, Body(Webm(40_000, 2)))).StatusCode); // 99 of 120 KiB

        // The second room has room for 30 kB more; this client has not.
        var declared = await UploadAsync(second, bobKey, Body(Webm(30_000, 3)));
        Assert.Equal(HttpStatusCode.TooManyRequests, declared.StatusCode);
        Assert.Contains("uploaded its 120 KiB of recordings for today", await ErrorOf(declared));
        var streamed = await UploadAsync(second, bobKey, new StreamContent(new NonSeekableStream(Webm(30_000, 4))));
        Assert.Equal(HttpStatusCode.TooManyRequests, streamed.StatusCode);

        Assert.Single(FilesOnDisk(first));
        Assert.Single(FilesOnDisk(second));
        Assert.Single((await _factory.Rooms.FindAsync(second))!.Snapshot.Recordings);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(second, bobKey, Body(Webm(20_000, 5)))).StatusCode); // what is left fits
    }

    [Fact]
    public async Task Deleting_the_room_deletes_its_recordings_files_and_rows()
    {
        var (roomId, ada, key) = await RoomWithAdaAsync();
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(roomId, key, Body(Webm(2000)))).StatusCode);
        await ada.DisposeAsync();
        Assert.Single(FilesOnDisk(roomId));

        await _factory.Rooms.DeleteAsync(roomId);

        Assert.Empty(FilesOnDisk(roomId));
        Assert.Empty(await _factory.Services.GetRequiredService<IRecordingStore>().ListAsync(roomId));
    }

    /// <summary>A body whose length is unknown up front, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
