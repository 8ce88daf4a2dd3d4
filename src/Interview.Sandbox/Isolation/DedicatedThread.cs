using System.Collections.Concurrent;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// One long-lived thread that runs queued work in order. The runner has two:
/// <list type="bullet">
/// <item>the <b>launcher</b>, which prepares and starts every sandbox. bubblewrap's <c>--die-with-parent</c> uses
/// PR_SET_PDEATHSIG, which fires when the <em>thread</em> that forked it exits: forking from thread-pool threads
/// (which the pool retires when idle) would kill running sandboxes at random. This thread lives as long as the
/// runner, so sandboxes die exactly when the runner does.</item>
/// <item>the <b>janitor</b>, which tears down finished sandboxes (cgroup removal, tmpfs unmount) after their result
/// has been returned. Those calls block in the kernel (RCU grace periods, EBUSY retries); on thread-pool threads they
/// would hold up the continuations of the runs in progress.</item>
/// </list>
/// </summary>
internal sealed class DedicatedThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;

    public DedicatedThread(string name)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the thread; the task completes (on the thread pool) with its result.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!TryQueue(() =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            }))
            done.SetException(new ObjectDisposedException(_thread.Name));
        return done.Task;
    }

    /// <summary>Queues fire-and-forget work; after <see cref="Dispose"/> it runs on the caller's thread.</summary>
    public void Post(Action work)
    {
        if (!TryQueue(work)) work(); // shutting down: nobody is left to run it later
    }

    private bool TryQueue(Action work)
    {
        try
        {
            _work.Add(work);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // disposed
        }
    }

    private void Loop()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            try
            {
                work();
            }
            catch (Exception)
            {
                // Work reports its own failures (RunAsync) or is best-effort clean-up (Post).
            }
        }
    }

    /// <summary>Runs what is queued, then stops the thread.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(30));
    }
}
