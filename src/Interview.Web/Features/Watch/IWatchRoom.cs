namespace Interview.Web.Features.Watch;

/// <summary>
/// Watch-together in a room (implemented by <see cref="RoomWatch"/>; every call is queued on the room's loop). Commands return an
/// error message for the user, or null when applied. Videos arrive already resolved (<see cref="VideoResolver"/>).
/// </summary>
public interface IWatchRoom : IWatchCommands
{
    /// <summary>The latest published watch state.</summary>
    WatchState WatchState { get; }

    /// <summary>Calls <paramref name="onChange"/> with each new watch state until disposed. Must not block.</summary>
    IDisposable SubscribeWatch(Action<WatchState> onChange);
}

/// <summary>The room's watch-together commands; every member is a call on the room's grain.</summary>
public interface IWatchCommands
{
    /// <summary>Null when the participant may control playback now, else why not.</summary>
    Task<string?> CanControlWatchAsync(string participantId);

    /// <summary>Plays <paramref name="video"/> now, from its start offset; the queue stays as it is.</summary>
    Task<string?> WatchLoadAsync(string participantId, VideoItem video);

    /// <summary>Appends to the queue; with nothing loaded, the video is loaded and plays at once.</summary>
    Task<string?> WatchEnqueueAsync(string participantId, VideoItem video);

    Task<string?> WatchRemoveAsync(string participantId, string videoId);

    /// <summary>Plays the next queued video now (or stops when the queue is empty).</summary>
    Task<string?> WatchNextAsync(string participantId);

    Task<string?> WatchPlayAsync(string participantId, double? position);

    Task<string?> WatchPauseAsync(string participantId, double? position);

    Task<string?> WatchSeekAsync(string participantId, double position);

    Task<string?> WatchRateAsync(string participantId, double rate);

    Task<string?> WatchSetControlAsync(string participantId, WatchControl control);

    /// <summary>A participant's player reached the end of <paramref name="videoId"/>: the next queued video plays (once).</summary>
    Task WatchEndedAsync(string participantId, string videoId);

    /// <summary>A participant's player started or stopped waiting for data.</summary>
    Task WatchBufferingAsync(string participantId, bool buffering);

    /// <summary>A participant's player learned the duration of <paramref name="videoId"/> (kept if none was known).</summary>
    Task WatchDurationAsync(string participantId, string videoId, double seconds);
}
