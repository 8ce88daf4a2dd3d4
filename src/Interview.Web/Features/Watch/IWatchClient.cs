namespace Interview.Web.Features.Watch;

/// <summary>Server→client calls of watch-together, sent to the room's group.</summary>
public interface IWatchClient
{
    /// <summary>The playback state, queue, control setting or buffering list changed.</summary>
    Task WatchChanged(WatchState state);
}
