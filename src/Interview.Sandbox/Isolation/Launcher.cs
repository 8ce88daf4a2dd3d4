using System.Collections.Concurrent;
using System.Diagnostics;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// Starts sandbox processes from one dedicated thread. bubblewrap's <c>--die-with-parent</c> uses
/// PR_SET_PDEATHSIG, which fires when the <em>thread</em> that forked it exits: forking from thread-pool threads
/// (which the pool retires when idle) would kill running sandboxes at random. This thread lives as long as the
/// runner, so sandboxes die exactly when the runner does.
/// </summary>
internal sealed class Launcher : IDisposable
{
    private readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Done)> _work = new();
    private readonly Thread _thread;

    public Launcher()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "sandbox-launcher" };
        _thread.Start();
    }

    public Task<Process> StartAsync(ProcessStartInfo info)
    {
        var done = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add((info, done));
        return done.Task;
    }

    private void Loop()
    {
        foreach (var (info, done) in _work.GetConsumingEnumerable())
        {
            try
            {
                done.SetResult(Process.Start(info) ?? throw new InvalidOperationException("process did not start"));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(5));
    }
}
