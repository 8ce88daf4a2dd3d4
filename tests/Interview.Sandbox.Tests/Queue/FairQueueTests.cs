using System.Collections.Concurrent;
using Interview.Sandbox.Queue;

namespace Interview.Sandbox.Tests.Queue;

/// <summary>The fair queue alone (no sandbox): slots, round-robin across owners, positions, cancellation, caps.</summary>
public class FairQueueTests
{
    private sealed class Positions : IRunObserver
    {
        public readonly ConcurrentQueue<int> Seen = new();
        public void QueuePositionChanged(int runsAhead) => Seen.Enqueue(runsAhead);
    }

    [Fact]
    public async Task Free_slots_are_taken_immediately()
    {
        var queue = new FairQueue(workers: 2, maxQueued: 10, maxQueuedPerOwner: 10);
        using var a = await queue.EnterAsync("a", null, default);
        using var b = await queue.EnterAsync("a", null, default);

        Assert.Equal(2, queue.Running);
        Assert.Equal(0, queue.Queued);
    }

    [Fact]
    public async Task Waiting_runs_are_served_round_robin_across_owners()
    {
        var queue = new FairQueue(workers: 1, maxQueued: 10, maxQueuedPerOwner: 10);
        var running = await queue.EnterAsync("busy", null, default);
        var order = new ConcurrentQueue<string>();
        var waiting = new List<Task>();
        // Room A queues three runs before room B queues one: B must not wait behind all of A's.
        foreach (var name in new[] { "a1", "a2", "a3", "b1", "c1" })
        {
            var owner = name[..1];
            var entered = queue.EnterAsync(owner, null, default);
            waiting.Add(entered.ContinueWith(t => { order.Enqueue(name); t.Result.Dispose(); }, TaskScheduler.Default));
        }
        Assert.Equal(5, queue.Queued);

        running.Dispose();
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["a1", "b1", "c1", "a2", "a3"], order.ToArray());
    }

    [Fact]
    public async Task Positions_are_reported_and_updated()
    {
        var queue = new FairQueue(workers: 1, maxQueued: 10, maxQueuedPerOwner: 10);
        var running = await queue.EnterAsync("x", null, default);
        var first = new Positions();
        var second = new Positions();
        var third = new Positions();
        var t1 = queue.EnterAsync("a", first, default);
        var t2 = queue.EnterAsync("a", second, default);
        var t3 = queue.EnterAsync("b", third, default); // overtakes a's second run

        Assert.Equal([0], first.Seen.ToArray());
        Assert.Equal([1, 2], second.Seen.ToArray());
        Assert.Equal([1], third.Seen.ToArray());

        running.Dispose();
        (await t1.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        (await t3.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        (await t2.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        Assert.Equal([0], third.Seen.Skip(1).ToArray());
        Assert.Equal([1, 2, 1, 0], second.Seen.ToArray());
    }

    [Fact]
    public async Task Cancelling_a_waiting_run_removes_it_from_the_queue()
    {
        var queue = new FairQueue(workers: 1, maxQueued: 10, maxQueuedPerOwner: 10);
        var running = await queue.EnterAsync("x", null, default);
        using var cancel = new CancellationTokenSource();
        var cancelled = queue.EnterAsync("a", null, cancel.Token);
        var behind = new Positions();
        var next = queue.EnterAsync("b", behind, default);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, queue.Queued);
        Assert.Equal([1, 0], behind.Seen.ToArray());

        running.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        Assert.Equal(0, queue.Running);
    }

    [Fact]
    public async Task A_full_queue_says_busy()
    {
        var queue = new FairQueue(workers: 1, maxQueued: 3, maxQueuedPerOwner: 2);
        using var running = await queue.EnterAsync("x", null, default);
        _ = queue.EnterAsync("a", null, default);
        _ = queue.EnterAsync("a", null, default);

        var perOwner = await Assert.ThrowsAsync<SandboxBusyException>(() => queue.EnterAsync("a", null, default));
        Assert.Contains("try again", perOwner.Message);
        _ = queue.EnterAsync("b", null, default);
        var total = await Assert.ThrowsAsync<SandboxBusyException>(() => queue.EnterAsync("c", null, default));
        Assert.Contains("busy", total.Message);
        Assert.Equal(3, queue.Queued);
    }
}
