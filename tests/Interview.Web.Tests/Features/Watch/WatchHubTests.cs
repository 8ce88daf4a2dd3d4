using Interview.Web.Features.Rooms;
using Interview.Web.Features.Watch;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Watch;

/// <summary>Watch-together through the room hub: authoritative state, permissions, bad input, the queue.</summary>
public sealed class WatchHubTests : IAsyncLifetime
{
    private const string Clip = "http://127.0.0.1:1/media/clip.webm";
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory();
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private sealed record Party(RoomClient Client, EventLog<WatchState> Changes) : IAsyncDisposable
    {
        public HubConnection Hub => Client.Connection;
        public string Id => Client.Join!.ParticipantId!;
        public ValueTask DisposeAsync() => Client.DisposeAsync();
    }

    private async Task<Party> JoinAsync(string roomId, string name, string? cookie = null)
    {
        // Watch events only follow watch commands, so listening right after the join misses nothing.
        var client = await RoomClient.JoinAsync(_factory, roomId, name, cookie);
        Assert.Equal(JoinStatus.Joined, client.Join!.Status);
        var changes = new EventLog<WatchState>();
        client.Connection.On<WatchState>(nameof(IWatchClient.WatchChanged), changes.Add);
        return new Party(client, changes);
    }

    private async Task<(CreatedRoom Room, string Cookie)> NewRoomAsync()
    {
        var room = await _factory.Rooms.CreateAsync("Watch", null);
        return (room, $"{OwnerCookie.Name(room.Id)}={room.OwnerToken}");
    }

    private static Task Load(Party party, string url) => party.Hub.InvokeAsync(nameof(RoomHub.WatchLoad), new WatchUrlRequest(url));

    [Fact]
    public async Task A_load_plays_for_everyone_and_pause_and_seek_come_from_anyone_by_default()
    {
        var (room, cookie) = await NewRoomAsync();
        await using var ada = await JoinAsync(room.Id, "Ada", cookie);
        await using var grace = await JoinAsync(room.Id, "Grace");

        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Load(ada, Clip + "#t=12");
        var loaded = await grace.Changes.NextAsync();
        Assert.True(loaded.Playback.Playing);
        Assert.Equal(12, loaded.Playback.Position);
        Assert.Equal(VideoKind.Direct, loaded.Playback.Video!.Kind);
        Assert.Equal("clip.webm", loaded.Playback.Video.Title);
        Assert.Equal("Ada", loaded.Playback.Video.AddedBy);
        Assert.InRange(loaded.Playback.UpdatedAt, before - 5, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5);

        await grace.Hub.InvokeAsync(nameof(RoomHub.WatchPause), new WatchControlRequest(15.25));
        var paused = await ada.Changes.FirstAsync(s => !s.Playback.Playing);
        Assert.Equal(15.25, paused.Playback.Position);
        Assert.True(paused.Playback.Version > loaded.Playback.Version);

        await grace.Hub.InvokeAsync(nameof(RoomHub.WatchSeek), new WatchControlRequest(40));
        var seeked = await ada.Changes.FirstAsync(s => s.Playback.Position == 40);
        Assert.False(seeked.Playback.Playing);
        Assert.Equal(40, seeked.Playback.PositionAt(seeked.Playback.UpdatedAt + 10_000));

        await ada.Hub.InvokeAsync(nameof(RoomHub.WatchPlay), new WatchControlRequest(null));
        var playing = await grace.Changes.FirstAsync(s => s.Playback.Playing);
        Assert.Equal(40, playing.Playback.Position);
        Assert.Equal(42.5, playing.Playback.PositionAt(playing.Playback.UpdatedAt + 2_500), 3);
    }

    [Fact]
    public async Task A_late_joiner_gets_the_state_and_the_server_clock()
    {
        var (room, cookie) = await NewRoomAsync();
        await using var ada = await JoinAsync(room.Id, "Ada", cookie);
        await Load(ada, Clip);
        await ada.Changes.NextAsync();

        await using var linus = await JoinAsync(room.Id, "Linus");
        var state = await linus.Hub.InvokeAsync<WatchState>(nameof(RoomHub.WatchSync));
        Assert.True(state.Playback.Playing);
        Assert.Equal(Clip, state.Playback.Video!.Url);
        var clock = await linus.Hub.InvokeAsync<ServerClock>(nameof(RoomHub.WatchClock));
        Assert.InRange(clock.ServerMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 5_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5_000);
        Assert.True(state.Playback.PositionAt((long)clock.ServerMs) >= 0);
    }

    [Fact]
    public async Task Hosts_only_refuses_everyone_but_the_host_and_only_the_host_changes_the_setting()
    {
        var (room, cookie) = await NewRoomAsync();
        await using var host = await JoinAsync(room.Id, "Host", cookie);
        await using var guest = await JoinAsync(room.Id, "Guest");
        await Load(host, Clip);

        var refused = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync(nameof(RoomHub.WatchSetControl), WatchControl.Hosts));
        Assert.Contains("Only the room's interviewers can change", refused.Message);

        await host.Hub.InvokeAsync(nameof(RoomHub.WatchSetControl), WatchControl.Hosts);
        var hostsOnly = await guest.Changes.FirstAsync(s => s.Control == WatchControl.Hosts);
        Assert.Equal([host.Id], hostsOnly.Controllers.ToArray());
        var version = hostsOnly.Playback.Version;

        Task[] forbidden =
        [
            guest.Hub.InvokeAsync(nameof(RoomHub.WatchPause), new WatchControlRequest(1)),
            guest.Hub.InvokeAsync(nameof(RoomHub.WatchPlay), new WatchControlRequest(null)),
            guest.Hub.InvokeAsync(nameof(RoomHub.WatchSeek), new WatchControlRequest(5)),
            guest.Hub.InvokeAsync(nameof(RoomHub.WatchRate), 1.5),
            guest.Hub.InvokeAsync(nameof(RoomHub.WatchLoad), new WatchUrlRequest(Clip + "?other")),
            guest.Hub.InvokeAsync(nameof(RoomHub.WatchEnqueue), new WatchUrlRequest(Clip + "?other")),
            guest.Hub.InvokeAsync(nameof(RoomHub.WatchNext)),
            guest.Hub.InvokeAsync(nameof(RoomHub.WatchRemove), "v1"),
        ];
        foreach (var call in forbidden)
            Assert.Contains("Only the room's interviewers can control playback", (await Assert.ThrowsAsync<HubException>(() => call)).Message);
        Assert.Equal(version, (await guest.Hub.InvokeAsync<WatchState>(nameof(RoomHub.WatchSync))).Playback.Version);

        await host.Hub.InvokeAsync(nameof(RoomHub.WatchPause), new WatchControlRequest(3));
        Assert.False((await guest.Changes.FirstAsync(s => s.Playback.Version > version)).Playback.Playing);

        await host.Hub.InvokeAsync(nameof(RoomHub.WatchSetControl), WatchControl.Everyone);
        await guest.Changes.FirstAsync(s => s.Control == WatchControl.Everyone);
        await guest.Hub.InvokeAsync(nameof(RoomHub.WatchPlay), new WatchControlRequest(null));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "cannot be played")]
    [InlineData("data:text/html,<script>alert(1)</script>", "cannot be played")]
    [InlineData("https://www.youtube.com/playlist?list=PL1", "playlist link without a current video")]
    [InlineData("", "Paste a YouTube link")]
    public async Task Bad_links_are_refused_with_a_clear_error_and_change_nothing(string url, string message)
    {
        var (room, cookie) = await NewRoomAsync();
        await using var ada = await JoinAsync(room.Id, "Ada", cookie);
        await Load(ada, Clip);
        var loaded = await ada.Changes.NextAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => Load(ada, url));
        Assert.Contains(message, error.Message);
        var state = await ada.Hub.InvokeAsync<WatchState>(nameof(RoomHub.WatchSync));
        Assert.Equal(loaded.Playback, state.Playback);
    }

    [Fact]
    public async Task Huge_links_and_nonsense_positions_are_refused_and_the_connection_keeps_working()
    {
        var (room, cookie) = await NewRoomAsync();
        await using var ada = await JoinAsync(room.Id, "Ada", cookie);
        Assert.Contains("too long", (await Assert.ThrowsAsync<HubException>(() => Load(ada, "https://example.com/" + new string('a', 10_000)))).Message);
        Assert.Contains("Load a video first", (await Assert.ThrowsAsync<HubException>(() =>
            ada.Hub.InvokeAsync(nameof(RoomHub.WatchPlay), new WatchControlRequest(null)))).Message);

        await Load(ada, Clip);
        foreach (var position in new[] { double.NaN, double.PositiveInfinity, -1, 1e12 })
            Assert.Contains("not a time in the video", (await Assert.ThrowsAsync<HubException>(() =>
                ada.Hub.InvokeAsync(nameof(RoomHub.WatchSeek), new WatchControlRequest(position)))).Message);
        Assert.Contains("between 0.25 and 2", (await Assert.ThrowsAsync<HubException>(() => ada.Hub.InvokeAsync(nameof(RoomHub.WatchRate), 50.0))).Message);

        await ada.Hub.InvokeAsync(nameof(RoomHub.WatchSeek), new WatchControlRequest(7));
        Assert.Equal(7, (await ada.Hub.InvokeAsync<WatchState>(nameof(RoomHub.WatchSync))).Playback.Position);
    }

    [Fact]
    public async Task YouTube_links_fall_back_to_a_plain_title_when_oEmbed_is_unreachable()
    {
        var (room, cookie) = await NewRoomAsync();
        await using var ada = await JoinAsync(room.Id, "Ada", cookie);
        await Load(ada, "https://youtu.be/dQw4w9WgXcQ?t=1m");
        var video = (await ada.Changes.NextAsync()).Playback.Video!;
        Assert.Equal(VideoKind.YouTube, video.Kind);
        Assert.Equal("dQw4w9WgXcQ", video.YouTubeId);
        Assert.Equal("YouTube video dQw4w9WgXcQ", video.Title);
        Assert.Null(video.ThumbnailUrl);
        Assert.Equal(60, video.StartSeconds);
    }

    [Fact]
    public async Task The_queue_plays_the_next_video_once_when_the_current_one_ends()
    {
        var (room, cookie) = await NewRoomAsync();
        await using var ada = await JoinAsync(room.Id, "Ada", cookie);
        await using var grace = await JoinAsync(room.Id, "Grace");

        // Nothing loaded: the first queued video plays at once.
        await ada.Hub.InvokeAsync(nameof(RoomHub.WatchEnqueue), new WatchUrlRequest(Clip + "?1"));
        await grace.Hub.InvokeAsync(nameof(RoomHub.WatchEnqueue), new WatchUrlRequest(Clip + "?2"));
        await grace.Hub.InvokeAsync(nameof(RoomHub.WatchEnqueue), new WatchUrlRequest(Clip + "?3"));
        var state = await ada.Changes.FirstAsync(s => s.Queue.Count == 2);
        var first = state.Playback.Video!;
        Assert.EndsWith("?1", first.Url);
        Assert.Equal(["Grace", "Grace"], state.Queue.Select(v => v.AddedBy));

        await ada.Hub.InvokeAsync(nameof(RoomHub.WatchRemove), state.Queue[1].Id);
        await ada.Changes.FirstAsync(s => s.Queue.Count == 1);
        await Assert.ThrowsAsync<HubException>(() => ada.Hub.InvokeAsync(nameof(RoomHub.WatchRemove), "nosuchvideo"));

        await ada.Hub.InvokeAsync(nameof(RoomHub.WatchDuration), new WatchDurationReport(first.Id, 90));
        await ada.Changes.FirstAsync(s => s.Playback.Video?.DurationSeconds == 90);

        // Both browsers report the end; the second report (for a video no longer current) changes nothing.
        await ada.Hub.InvokeAsync(nameof(RoomHub.WatchEnded), first.Id);
        await grace.Hub.InvokeAsync(nameof(RoomHub.WatchEnded), first.Id);
        var next = await grace.Changes.FirstAsync(s => s.Playback.Video?.Id != first.Id);
        Assert.EndsWith("?2", next.Playback.Video!.Url);
        Assert.Empty(next.Queue);
        Assert.True(next.Playback.Playing);
        var synced = await grace.Hub.InvokeAsync<WatchState>(nameof(RoomHub.WatchSync));
        Assert.Equal(next.Playback.Video.Id, synced.Playback.Video!.Id);

        // The last one ends: playback stops there.
        await ada.Hub.InvokeAsync(nameof(RoomHub.WatchEnded), next.Playback.Video.Id);
        Assert.False((await grace.Changes.FirstAsync(s => !s.Playback.Playing)).Playback.Playing);
    }

    [Fact]
    public async Task Buffering_is_reported_to_the_others_until_it_ends()
    {
        var (room, cookie) = await NewRoomAsync();
        await using var ada = await JoinAsync(room.Id, "Ada", cookie);
        await using var grace = await JoinAsync(room.Id, "Grace");
        await grace.Hub.InvokeAsync(nameof(RoomHub.WatchBuffering), true);
        var buffering = await ada.Changes.FirstAsync(s => s.Buffering.Length == 1);
        Assert.Equal(new WatchBuffering(grace.Id, "Grace"), buffering.Buffering[0]);
        await grace.Hub.InvokeAsync(nameof(RoomHub.WatchBuffering), false);
        await ada.Changes.FirstAsync(s => s.Buffering.IsEmpty);
    }

    [Fact]
    public async Task Watch_methods_need_a_joined_room()
    {
        await using var stranger = await RoomClient.ConnectAsync(_factory);
        Assert.Contains("Join a room first", (await Assert.ThrowsAsync<HubException>(() =>
            stranger.Connection.InvokeAsync(nameof(RoomHub.WatchLoad), new WatchUrlRequest(Clip)))).Message);
        Assert.Contains("Join a room first", (await Assert.ThrowsAsync<HubException>(() =>
            stranger.Connection.InvokeAsync<WatchState>(nameof(RoomHub.WatchSync)))).Message);
    }
}
