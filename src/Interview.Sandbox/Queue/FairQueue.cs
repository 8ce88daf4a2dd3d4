namespace Interview.Sandbox.Queue;

/// <summary>
/// The bounded worker pool in front of the sandbox: at most <c>workers</c> runs execute at once; the others wait in
/// one FIFO per owner (room or user), and a free worker takes the next run round-robin across owners, so one busy
/// room cannot starve the others. Waiting runs are told how many runs are ahead of them whenever that changes.
/// The queue is bounded in total and per owner; beyond that, <see cref="SandboxBusyException"/>.
/// </summary>
internal sealed class FairQueue(int workers, int maxQueued, int maxQueuedPerOwner)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, LinkedList<Ticket>> _byOwner = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _rotation = new(); // owners with waiting runs, next to serve first
    private int _running, _queued;

    /// <summary>Runs executing now.</summary>
    public int Running { get { lock (_lock) return _running; } }

    /// <summary>Runs waiting for a worker.</summary>
    public int Queued { get { lock (_lock) return _queued; } }

    /// <summary>Waits for a worker slot. Dispose the returned lease to give the slot back.</summary>
    public async Task<IDisposable> EnterAsync(string owner, IRunObserver? observer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Ticket ticket;
        List<(Ticket, int)> moved;
        lock (_lock)
        {
            if (_running < workers && _queued == 0)
            {
                _running++;
                return new Lease(this);
            }
            if (_queued >= maxQueued)
                throw new SandboxBusyException($"The sandbox is busy ({_queued} runs waiting); try again in a moment.");
            if (!_byOwner.TryGetValue(owner, out var mine)) _byOwner[owner] = mine = new LinkedList<Ticket>();
            if (mine.Count >= maxQueuedPerOwner)
                throw new SandboxBusyException($"You already have {mine.Count} runs waiting; try again when one has finished.");
            ticket = new Ticket(owner, observer);
            ticket.Node = mine.AddLast(ticket);
            if (mine.Count == 1) _rotation.AddLast(owner);
            _queued++;
            moved = Positions();
        }
        Notify(moved);
        using (cancellationToken.Register(() => Cancel(ticket)))
        {
            await ticket.Started.Task.ConfigureAwait(false); // throws when cancelled
        }
        if (cancellationToken.IsCancellationRequested)
        {
            // Cancelled just as a worker picked it: hand the slot back.
            Release();
            cancellationToken.ThrowIfCancellationRequested();
        }
        return new Lease(this);
    }

    private void Cancel(Ticket ticket)
    {
        List<(Ticket, int)> moved;
        lock (_lock)
        {
            if (ticket.Node?.List is not { } list) return; // already started
            Remove(ticket, list);
            moved = Positions();
        }
        ticket.Started.TrySetCanceled();
        Notify(moved);
    }

    private void Release()
    {
        Ticket? next = null;
        List<(Ticket, int)> moved = [];
        lock (_lock)
        {
            _running--;
            if (_rotation.First is { } first)
            {
                var owner = first.Value;
                var list = _byOwner[owner];
                next = list.First!.Value;
                Remove(next, list);
                if (list.Count > 0)
                {
                    // This owner was just served: it goes to the back of the rotation.
                    _rotation.Remove(owner);
                    _rotation.AddLast(owner);
                }
                _running++;
                moved = Positions();
            }
        }
        next?.Started.TrySetResult();
        Notify(moved);
    }

    private void Remove(Ticket ticket, LinkedList<Ticket> list)
    {
        list.Remove(ticket.Node!);
        ticket.Node = null;
        _queued--;
        if (list.Count == 0)
        {
            _byOwner.Remove(ticket.Owner);
            _rotation.Remove(ticket.Owner);
        }
    }

    /// <summary>Simulates the round-robin to number every waiting run; returns those whose number changed.</summary>
    private List<(Ticket, int)> Positions()
    {
        var changed = new List<(Ticket, int)>();
        var cursors = _rotation.Select(o => _byOwner[o].First).ToArray();
        var position = 0;
        for (var alive = true; alive;)
        {
            alive = false;
            for (var i = 0; i < cursors.Length; i++)
            {
                if (cursors[i] is not { } node) continue;
                alive = true;
                if (node.Value.Position != position)
                {
                    node.Value.Position = position;
                    changed.Add((node.Value, position));
                }
                position++;
                cursors[i] = node.Next;
            }
        }
        return changed;
    }

    private static void Notify(List<(Ticket Ticket, int Position)> moved)
    {
        foreach (var (ticket, position) in moved) ticket.Observer?.QueuePositionChanged(position);
    }

    private sealed class Ticket(string owner, IRunObserver? observer)
    {
        public string Owner { get; } = owner;
        public IRunObserver? Observer { get; } = observer;
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Ticket>? Node { get; set; }
        public int Position { get; set; } = -1;
    }

    private sealed class Lease(FairQueue queue) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) queue.Release();
        }
    }
}
