namespace Interview.Web.Shared.Actors;

/// <summary>
/// Who follows an actor's published snapshots. Subscribing and unsubscribing may happen on any thread; a failing
/// subscriber is reported to <paramref name="onFailure"/> and does not stop the others.
/// </summary>
internal sealed class Subscribers<T>(Action<Exception> onFailure)
{
    private readonly List<Action<T>> _list = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock) return _list.Count;
        }
    }

    public IDisposable Add(Action<T> onChange)
    {
        lock (_lock) _list.Add(onChange);
        return new Subscription(this, onChange);
    }

    public void Publish(T snapshot)
    {
        Action<T>[] subscribers;
        lock (_lock) subscribers = [.. _list];
        foreach (var subscriber in subscribers)
        {
            try { subscriber(snapshot); }
            catch (Exception e) { onFailure(e); }
        }
    }

    private sealed class Subscription(Subscribers<T> owner, Action<T> onChange) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._lock) owner._list.Remove(onChange);
        }
    }
}
