using Interview.Web.Shared.Actors;

namespace Interview.Web.Tests.Shared.Actors;

public sealed class MailboxTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failing_after_each_hook_fails_that_caller_only_and_the_loop_keeps_serving()
    {
        var failNext = false;
        var published = 0;
        var mailbox = new Mailbox("test actor", () =>
        {
            if (failNext) { failNext = false; throw new InvalidOperationException("snapshot failed"); }
            published++;
        });

        var poisoned = mailbox.Enqueue(() => { failNext = true; return Task.FromResult(1); });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => poisoned.WaitAsync(Deadline));
        Assert.Equal("snapshot failed", error.Message);

        // Later callers are served, in order, and each sees the hook run after its item.
        var later = Enumerable.Range(2, 3).Select(n => mailbox.Enqueue(() => Task.FromResult(n))).ToList();
        var results = await Task.WhenAll(later).WaitAsync(Deadline);
        Assert.Equal([2, 3, 4], results);
        Assert.Equal(3, published);
        await mailbox.CloseAsync().WaitAsync(Deadline);
    }

    [Fact]
    public async Task A_failing_item_fails_its_caller_and_the_next_item_runs()
    {
        var mailbox = new Mailbox("test actor", () => { });
        var failing = mailbox.Enqueue(() => Task.FromException<int>(new TimeoutException("storage")));
        await Assert.ThrowsAsync<TimeoutException>(() => failing.WaitAsync(Deadline));
        Assert.Equal(7, await mailbox.Enqueue(() => Task.FromResult(7)).WaitAsync(Deadline));
        await mailbox.CloseAsync().WaitAsync(Deadline);
    }
}
