using Interview.Web.Features.Watch;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// Watch-together's hub methods. Commands go to the room (its <see cref="RoomWatch"/>), which owns the playback state
/// and checks who may control it (<see cref="WatchPermissions"/>); a refusal is a <see cref="HubException"/> with the
/// reason. Every change reaches the room as <see cref="IWatchClient.WatchChanged"/>.
/// </summary>
public sealed partial class RoomHub
{
    /// <summary>The current state, for a joiner (a late joiner starts at the expected position from it).</summary>
    public WatchState WatchSync()
    {
        var (room, _) = Current();
        return room.WatchState;
    }

    /// <summary>The server's clock: the browsers estimate their offset from several of these (round trip / 2).</summary>
    public ServerClock WatchClock([FromServices] TimeProvider time)
    {
        _ = Current();
        return new ServerClock((time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds);
    }

    public async Task WatchLoad(WatchUrlRequest request, [FromServices] VideoResolver resolver)
    {
        var (room, participantId) = Current();
        var video = await Resolve(room, participantId, request, resolver);
        Check(await room.WatchLoadAsync(participantId, video));
    }

    public async Task WatchEnqueue(WatchUrlRequest request, [FromServices] VideoResolver resolver)
    {
        var (room, participantId) = Current();
        var video = await Resolve(room, participantId, request, resolver);
        Check(await room.WatchEnqueueAsync(participantId, video));
    }

    public async Task WatchRemove(string videoId)
    {
        var (room, participantId) = Current();
        Check(await room.WatchRemoveAsync(participantId, videoId ?? ""));
    }

    public async Task WatchNext()
    {
        var (room, participantId) = Current();
        Check(await room.WatchNextAsync(participantId));
    }

    public async Task WatchPlay(WatchControlRequest request)
    {
        var (room, participantId) = Current();
        Check(await room.WatchPlayAsync(participantId, request?.Position));
    }

    public async Task WatchPause(WatchControlRequest request)
    {
        var (room, participantId) = Current();
        Check(await room.WatchPauseAsync(participantId, request?.Position));
    }

    public async Task WatchSeek(WatchControlRequest request)
    {
        var (room, participantId) = Current();
        if (request?.Position is not { } position) throw new HubException("Say where to seek to.");
        Check(await room.WatchSeekAsync(participantId, position));
    }

    public async Task WatchRate(double rate)
    {
        var (room, participantId) = Current();
        Check(await room.WatchRateAsync(participantId, rate));
    }

    public async Task WatchSetControl(WatchControl control)
    {
        var (room, participantId) = Current();
        Check(await room.WatchSetControlAsync(participantId, control));
    }

    public async Task WatchEnded(string videoId)
    {
        var (room, participantId) = Current();
        await room.WatchEndedAsync(participantId, videoId ?? "");
    }

    public async Task WatchBuffering(bool buffering)
    {
        var (room, participantId) = Current();
        await room.WatchBufferingAsync(participantId, buffering);
    }

    public async Task WatchDuration(WatchDurationReport report)
    {
        var (room, participantId) = Current();
        if (report is null) throw new HubException("A duration report needs a video and seconds.");
        await room.WatchDurationAsync(participantId, report.VideoId ?? "", report.Seconds);
    }

    /// <summary>Checks permission before asking oEmbed, so a refused caller cannot make the server fetch anything.</summary>
    private async Task<VideoItem> Resolve(IRoom room, string participantId, WatchUrlRequest? request, VideoResolver resolver)
    {
        Check(await room.CanControlWatchAsync(participantId));
        var (video, error) = await resolver.ResolveAsync(request?.Url, Context.ConnectionAborted);
        Check(error);
        return video!;
    }

    private static void Check(string? error)
    {
        if (error is not null) throw new HubException(error);
    }
}
