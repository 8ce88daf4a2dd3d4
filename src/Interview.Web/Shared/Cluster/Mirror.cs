using Interview.Web.Shared.Actors;

namespace Interview.Web.Shared.Cluster;

/// <summary>
/// A node's copy of one kind of state a grain publishes (a room snapshot, an editor view, an exam snapshot): the
/// newest version wins, even if messages pass each other, and subscribers hear each newer value.
/// </summary>
internal sealed class Mirror<T>(T initial, Action<Exception> onFailure) where T : class
{
    private readonly Lock _lock = new();
    private readonly Subscribers<T> _subscribers = new(onFailure);
    private T _value = initial;
    private long _version;

    public T Value => _value;

    public int SubscriberCount => _subscribers.Count;

    public IDisposable Subscribe(Action<T> onChange) => _subscribers.Add(onChange);

    /// <summary>Takes <paramref name="value"/> if <paramref name="version"/> is newer than what is held.</summary>
    public void Apply(long version, T value)
    {
        lock (_lock)
        {
            if (version <= _version) return;
            _version = version;
            _value = value;
        }
        _subscribers.Publish(value);
    }

    /// <summary>Starts over from <paramref name="value"/> (attached again: the grain's versions may start over too).</summary>
    public void Reset(T value)
    {
        lock (_lock)
        {
            _version = 0;
            _value = value;
        }
        _subscribers.Publish(value);
    }
}
