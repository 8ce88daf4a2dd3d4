using System.Threading.Channels;

namespace Interview.Web.Shared.Actors;

/// <summary>
/// The single-writer loop of an actor (a room, an exam): work is queued and run one item at a time, in order, so the
/// actor's state needs no locks. An action runs after every item (actors publish their snapshot there); then the
/// caller's task completes with the item's result or failure, so a caller whose call has returned reads a snapshot
/// that already includes it. A failure, of the item or of the action after it, fails that caller only: the loop goes
/// on with the next item. The loop starts with the mailbox: build it last, once everything that action reads is set.
/// </summary>
internal sealed class Mailbox
{
    private readonly Channel<Func<Task<Action<Exception?>>>> _work =
        Channel.CreateUnbounded<Func<Task<Action<Exception?>>>>(new() { SingleReader = true });
    private readonly string _name;
    private readonly Action _afterEach;
    private readonly Task _loop;

    /// <param name="name">The actor, for the error a caller gets once the mailbox is closed.</param>
    /// <param name="afterEach">Runs after every item, before its caller is answered; if it throws, that caller gets the exception.</param>
    public Mailbox(string name, Action afterEach)
    {
        _name = name;
        _afterEach = afterEach;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="work"/> and returns its result.</summary>
    public Task<T> Enqueue<T>(Func<Task<T>> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var accepted = _work.Writer.TryWrite(async () =>
        {
            try
            {
                var result = await work();
                return afterEachFailure =>
                {
                    if (afterEachFailure is null) completion.SetResult(result);
                    else completion.SetException(afterEachFailure);
                };
            }
            catch (Exception e)
            {
                return _ => completion.SetException(e);
            }
        });
        if (!accepted) completion.SetException(new ObjectDisposedException(_name));
        return completion.Task;
    }

    public Task Enqueue(Func<Task> work) => Enqueue(async () => { await work(); return true; });

    /// <summary>Refuses new work, then waits for what is queued to finish.</summary>
    public Task CloseAsync()
    {
        _work.Writer.TryComplete();
        return _loop;
    }

    private async Task RunAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync())
        {
            var complete = await work();
            Exception? failure = null;
            try { _afterEach(); }
            catch (Exception e) { failure = e; }
            complete(failure);
        }
    }
}
