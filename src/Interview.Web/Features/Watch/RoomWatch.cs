using System.Collections.Immutable;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Actors;

namespace Interview.Web.Features.Watch;

/// <summary>
/// Watch-together: the authoritative playback state (an immutable <see cref="PlaybackState"/> replaced on every
/// command), the queue, who controls playback and who is buffering. Every change is broadcast as one
/// <see cref="WatchState"/> (<c>WatchChanged</c>) and published to Blazor. Kept in memory: an unloaded room starts
/// with nothing playing.
/// </summary>
internal sealed class RoomWatch(IRoomScope room) : IWatchRoom
{
    private const double MaxPosition = 1e7;

    private volatile WatchState _watch = WatchState.Empty;
    private readonly Subscribers<WatchState> _watchSubscribers = new(room.SubscriberFailed);
    private readonly HashSet<string> _buffering = new(StringComparer.Ordinal);
    private long _videoCounter;
    private bool _watchChanged;

    public WatchState WatchState => _watch;

    public IDisposable SubscribeWatch(Action<WatchState> onChange) => _watchSubscribers.Add(onChange);

    public Task<string?> CanControlWatchAsync(string participantId) => room.Enqueue(() => Task.FromResult(ControlRefusal(participantId, out _)));

    /// <summary>Runs <paramref name="change"/> on the loop, then broadcasts the watch state if it changed (in order).</summary>
    private Task<T> Watch<T>(Func<T> change) => room.Enqueue(async () =>
    {
        var result = change();
        if (_watchChanged)
        {
            _watchChanged = false;
            try { await room.Everyone.WatchChanged(_watch); }
            catch (Exception e) { room.SubscriberFailed(e); }
        }
        return result;
    });

    private Task Watch(Action change) => Watch(() => { change(); return true; });

    public Task<string?> WatchLoadAsync(string participantId, VideoItem video) => Control(participantId, (participant, now) =>
    {
        var item = NewItem(video, participant);
        SetPlayback(new PlaybackState(item, true, item.StartSeconds, now, _watch.Playback.Rate, 0));
        return null;
    });

    public Task<string?> WatchEnqueueAsync(string participantId, VideoItem video) => Control(participantId, (participant, now) =>
    {
        var item = NewItem(video, participant);
        if (_watch.Playback.Video is null)
        {
            SetPlayback(new PlaybackState(item, true, item.StartSeconds, now, _watch.Playback.Rate, 0));
            return null;
        }
        if (_watch.Queue.Count >= WatchState.MaxQueue) return $"The queue holds at most {WatchState.MaxQueue} videos.";
        SetWatch(_watch with { Queue = _watch.Queue.Add(item) });
        return null;
    });

    public Task<string?> WatchRemoveAsync(string participantId, string videoId) => Control(participantId, (_, _) =>
    {
        var index = _watch.Queue.FindIndex(v => v.Id == videoId);
        if (index < 0) return "That video is no longer in the queue.";
        SetWatch(_watch with { Queue = _watch.Queue.RemoveAt(index) });
        return null;
    });

    public Task<string?> WatchNextAsync(string participantId) => Control(participantId, (_, now) =>
    {
        PlayNext(now);
        return null;
    });

    public Task<string?> WatchPlayAsync(string participantId, double? position) => Control(participantId, (_, now) =>
    {
        var playback = _watch.Playback;
        if (playback.Video is null) return "Load a video first.";
        if (Position(position, out var at) is { } error) return error;
        var start = at ?? playback.PositionAt(now);
        if (playback.Video.DurationSeconds is { } duration && start >= duration - 0.05) start = 0;
        SetPlayback(playback with { Playing = true, Position = start, UpdatedAt = now });
        return null;
    });

    public Task<string?> WatchPauseAsync(string participantId, double? position) => Control(participantId, (_, now) =>
    {
        var playback = _watch.Playback;
        if (playback.Video is null) return "Load a video first.";
        if (Position(position, out var at) is { } error) return error;
        SetPlayback(playback with { Playing = false, Position = at ?? playback.PositionAt(now), UpdatedAt = now });
        return null;
    });

    public Task<string?> WatchSeekAsync(string participantId, double position) => Control(participantId, (_, now) =>
    {
        var playback = _watch.Playback;
        if (playback.Video is null) return "Load a video first.";
        if (Position(position, out var at) is { } error) return error;
        SetPlayback(playback with { Position = at!.Value, UpdatedAt = now });
        return null;
    });

    public Task<string?> WatchRateAsync(string participantId, double rate) => Control(participantId, (_, now) =>
    {
        if (!double.IsFinite(rate) || rate < 0.25 || rate > 2) return "The playback rate must be between 0.25 and 2.";
        var playback = _watch.Playback;
        SetPlayback(playback with { Position = playback.PositionAt(now), UpdatedAt = now, Rate = rate });
        return null;
    });

    public Task<string?> WatchSetControlAsync(string participantId, WatchControl control) => Watch<string?>(() =>
    {
        if (!room.Participants.TryGetValue(participantId, out var participant)) return "Join the room first.";
        if (!Enum.IsDefined(control)) return "Unknown playback control setting.";
        if (!WatchPermissions.CanChangeControl(participant)) return WatchPermissions.HostsChangeSetting;
        if (_watch.Control != control) SetWatch(_watch with { Control = control });
        return null;
    });

    public Task WatchEndedAsync(string participantId, string videoId) => Watch(() =>
    {
        var playback = _watch.Playback;
        // Every browser reports the end; only the first report for the current video moves on.
        if (room.Participants.ContainsKey(participantId) && playback.Video?.Id == videoId && playback.Playing)
            PlayNext(room.Time.GetUtcNow().ToUnixTimeMilliseconds());
    });

    public Task WatchBufferingAsync(string participantId, bool buffering) => Watch(() =>
    {
        if (room.Participants.ContainsKey(participantId) && (buffering ? _buffering.Add(participantId) : _buffering.Remove(participantId)))
            SetWatch(_watch);
    });

    public Task WatchDurationAsync(string participantId, string videoId, double seconds) => Watch(() =>
    {
        var playback = _watch.Playback;
        if (room.Participants.ContainsKey(participantId) && double.IsFinite(seconds) && seconds is > 0 and < MaxPosition &&
            playback.Video is { DurationSeconds: null } video && video.Id == videoId)
            SetWatch(_watch with { Playback = playback with { Video = video with { DurationSeconds = seconds } } });
    });

    /// <summary>Runs a playback command if the participant may control playback; the command returns an error or null.</summary>
    private Task<string?> Control(string participantId, Func<Participant, long, string?> command) => Watch(() =>
        ControlRefusal(participantId, out var participant) ?? command(participant!, room.Time.GetUtcNow().ToUnixTimeMilliseconds()));

    private string? ControlRefusal(string participantId, out Participant? participant)
    {
        if (room.Ended) { participant = null; return "The room has ended."; }
        if (!room.Participants.TryGetValue(participantId, out participant)) return "Join the room first.";
        return WatchPermissions.CanControl(_watch.Control, participant) ? null : WatchPermissions.HostsOnly;
    }

    private static string? Position(double? position, out double? at)
    {
        at = position;
        if (position is null) return null;
        if (!double.IsFinite(position.Value) || position < 0 || position > MaxPosition) return "That position is not a time in the video.";
        return null;
    }

    private VideoItem NewItem(VideoItem video, Participant participant) =>
        video with { Id = "v" + ++_videoCounter, AddedBy = participant.DisplayName };

    private void PlayNext(long now)
    {
        var playback = _watch.Playback;
        if (_watch.Queue.IsEmpty)
        {
            // Nothing queued: stay on the video, paused at its end.
            if (playback.Video is not null) SetPlayback(playback with { Playing = false, Position = playback.PositionAt(now), UpdatedAt = now });
            return;
        }
        var next = _watch.Queue[0];
        _watch = _watch with { Queue = _watch.Queue.RemoveAt(0) };
        SetPlayback(new PlaybackState(next, true, next.StartSeconds, now, playback.Rate, 0));
    }

    private void SetPlayback(PlaybackState playback) =>
        SetWatch(_watch with { Playback = playback with { Version = _watch.Playback.Version + 1 } });

    /// <summary>Stores and publishes a new watch state (with the current controllers and buffering list); <see cref="Watch{T}"/> broadcasts it.</summary>
    private void SetWatch(WatchState state)
    {
        _buffering.RemoveWhere(id => !room.Participants.ContainsKey(id));
        state = state with
        {
            Controllers = state.Control == WatchControl.Hosts
                ? [.. room.Participants.Values.Where(p => WatchPermissions.CanControl(state.Control, p)).Select(p => p.Id)]
                : [],
            Buffering = [.. _buffering.Select(id => new WatchBuffering(id, room.Participants[id].DisplayName))],
        };
        _watch = state;
        _watchChanged = true;
        _watchSubscribers.Publish(state);
    }
}
