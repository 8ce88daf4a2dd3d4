using System.Collections.Concurrent;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// Sandboxes launched ahead of time, each with a fresh box and cgroup, waiting for their command. A run takes one
/// (skipping bubblewrap's start-up, the bulk of the per-run overhead) and a replacement is launched in the
/// background once that run is over, so the launch does not compete with the run for the CPU. Nothing is ever reused: each warm sandbox serves one step and is then destroyed, so no state can
/// pass between runs.
/// </summary>
internal sealed class WarmPool(int target, Func<Task<(SandboxInstance, Box)>> launch) : IDisposable
{
    private readonly ConcurrentQueue<(SandboxInstance Instance, Box Box)> _ready = new();
    private readonly SemaphoreSlim _refilling = new(1, 1);
    private volatile bool _disposed;
    private int _failures;

    /// <summary>A ready sandbox, or null when none is (the caller then launches one itself).</summary>
    public (SandboxInstance Instance, Box Box)? TryTake()
    {
        (SandboxInstance Instance, Box Box)? result = null;
        while (_ready.TryDequeue(out var item))
        {
            if (item.Instance.IsAlive)
            {
                result = item;
                break;
            }
            Destroy(item);
        }
        if (result is null) Refill(); // else the caller refills once its run is over (see RunExecutor)
        return result;
    }

    /// <summary>Tops the pool up in the background (one refill loop at a time).</summary>
    public void Refill()
    {
        if (_disposed || target == 0 || _ready.Count >= target || Volatile.Read(ref _failures) > 3) return;
        _ = Task.Run(async () =>
        {
            if (!await _refilling.WaitAsync(0).ConfigureAwait(false)) return;
            try
            {
                while (!_disposed && _ready.Count < target)
                {
                    var item = await launch().ConfigureAwait(false);
                    if (_disposed) Destroy(item);
                    else _ready.Enqueue(item);
                    Volatile.Write(ref _failures, 0);
                }
            }
            catch (Exception)
            {
                // The cold path will report the failure to the caller; stop retrying after a few attempts.
                Interlocked.Increment(ref _failures);
            }
            finally
            {
                _refilling.Release();
            }
        });
    }

    private static void Destroy((SandboxInstance Instance, Box Box) item)
    {
        item.Instance.Dispose();
        item.Box.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        _refilling.Wait(TimeSpan.FromSeconds(10));
        while (_ready.TryDequeue(out var item)) Destroy(item);
    }
}
