namespace Interview.Web.Shared.Cluster;

/// <summary>
/// Carries a grain's published state to the nodes attached to it, in rounds: whatever was published while a round
/// was on the way goes in the next one. <see cref="FlushAsync"/> completes when everything published before it
/// reached every attached node, so a caller on any node reads its own change once its call returns.
/// Subclasses keep the pending state and deliver a round (<see cref="TakePending"/>, <see cref="DeliverAsync"/>).
/// </summary>
internal abstract class StatePublisher<TPending>
{
    private readonly List<(long Version, TaskCompletionSource Done)> _waiters = [];
    private long _published;
    private long _delivered;
    private bool _sending;

    /// <summary>Guards the subclass's pending state too.</summary>
    protected Lock Gate { get; } = new();

    /// <summary>Takes the state pending for the next round (under <see cref="Gate"/>).</summary>
    protected abstract TPending TakePending();

    /// <summary>Delivers one round, numbered <paramref name="version"/> (rounds only grow).</summary>
    protected abstract Task DeliverAsync(long version, TPending pending);

    /// <summary>Records a change (<paramref name="set"/> runs under <see cref="Gate"/>) and starts a round if none is on the way.</summary>
    protected void Publish(Action set)
    {
        lock (Gate)
        {
            set();
            _published++;
            if (_sending) return;
            _sending = true;
        }
        _ = Task.Run(SendAsync);
    }

    public Task FlushAsync()
    {
        lock (Gate)
        {
            if (_delivered >= _published) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_published, done));
            return done.Task;
        }
    }

    private async Task SendAsync()
    {
        while (true)
        {
            TPending pending;
            long version;
            lock (Gate)
            {
                if (_delivered >= _published)
                {
                    _sending = false;
                    return;
                }
                pending = TakePending();
                version = _published;
            }
            await DeliverAsync(version, pending);
            lock (Gate)
            {
                _delivered = version;
                foreach (var waiter in _waiters.Where(w => w.Version <= version)) waiter.Done.TrySetResult();
                _waiters.RemoveAll(w => w.Version <= version);
            }
        }
    }
}
