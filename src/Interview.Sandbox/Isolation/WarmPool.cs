using System.Collections.Concurrent;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// Sandboxes launched ahead of time, each with a fresh box and cgroup, waiting for their command. A run takes one
/// (skipping bubblewrap's start-up, the bulk of the per-run overhead). The pool is topped up when a run is over
/// (before its teardown), and also as soon as a sandbox is taken while other runs are queued, so that under load
/// the next sandbox is already set up when a worker frees. Nothing is ever reused: each warm sandbox serves one
/// step and is then destroyed, so no state can pass between runs.
/// </summary>
/// <param name="target">Sandboxes to keep ready.</param>
/// <param name="launch">Launches one (on the launcher thread).</param>
/// <param name="destroy">Tears one down (on the janitor thread).</param>
internal sealed class WarmPool(int target, Func<Task<(SandboxInstance, Box)>> launch, Action<(SandboxInstance, Box)> destroy)
    : IDisposable
{
    private readonly ConcurrentQueue<(SandboxInstance Instance, Box Box)> _ready = new();
    private readonly SemaphoreSlim _refilling = new(1, 1);
    private volatile bool _disposed;
    private int _failures;

    /// <summary>A ready sandbox, or null when none is (the caller then launches one itself).</summary>
    public (SandboxInstance Instance, Box Box)? TryTake()
    {
        while (_ready.TryDequeue(out var item))
        {
            if (item.Instance.IsAlive) return item;
            destroy(item);
        }
        Refill();
        return null;
    }

    /// <summary>Tops the pool up in the background (one refill loop at a time).</summary>
    public void Refill()
    {
        if (_disposed || target == 0 || _ready.Count >= target || Volatile.Read(ref _failures) > 3) return;
        _ = RefillAsync();
    }

    private async Task RefillAsync()
    {
        if (!await _refilling.WaitAsync(0).ConfigureAwait(false)) return;
        var failed = false;
        try
        {
            while (!_disposed && _ready.Count < target)
            {
                var item = await launch().ConfigureAwait(false);
                if (_disposed) destroy(item);
                else _ready.Enqueue(item);
                Volatile.Write(ref _failures, 0);
            }
        }
        catch (Exception)
        {
            // The cold path will report the failure to the caller; stop retrying after a few attempts.
            Interlocked.Increment(ref _failures);
            failed = true;
        }
        finally
        {
            _refilling.Release();
        }
        // A sandbox taken while this loop was finishing found it still running and did not start another one.
        if (!failed) Refill();
    }

    public void Dispose()
    {
        _disposed = true;
        _refilling.Wait(TimeSpan.FromSeconds(10));
        while (_ready.TryDequeue(out var item)) destroy(item);
    }
}
