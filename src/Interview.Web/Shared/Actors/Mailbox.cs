using System.Threading.Channels;

namespace Interview.Web.Shared.Actors;

/// <summary>
/// The single-writer loop of an actor (a room, an exam): work is queued and run one item at a time, in order, so the
/// actor's state needs no locks. <paramref name="afterEach"/> runs after every item (actors publish their snapshot
/// there); then the caller's task completes with the item's result or failure, so a caller whose call has returned
/// reads a snapshot that already includes it.
/// </summary>
/// <param name="name">The actor, for the error a caller gets once the mailbox is closed.</param>
internal sealed class Mailbox(string name, Action afterEach)
{
    private readonly Channel<Func<Task<Action>>> _work = Channel.CreateUnbounded<Func<Task<Action>>>(new() { SingleReader = true });
    private Task? _loop;

    /// <summary>Starts the loop; call once, when the actor is fully built.</summary>
    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Queues <paramref name="work"/> and returns its result.</summary>
    public Task<T> Enqueue<T>(Func<Task<T>> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var accepted = _work.Writer.TryWrite(async () =>
        {
            try
            {
                var result = await work();
                return () => completion.SetResult(result);
            }
            catch (Exception e)
            {
                return () => completion.SetException(e);
            }
        });
        if (!accepted) completion.SetException(new ObjectDisposedException(name));
        return completion.Task;
    }

    public Task Enqueue(Func<Task> work) => Enqueue(async () => { await work(); return true; });

    /// <summary>Refuses new work, then waits for what is queued to finish.</summary>
    public Task CloseAsync()
    {
        _work.Writer.TryComplete();
        return _loop ?? Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync())
        {
            var complete = await work();
            try { afterEach(); }
            finally { complete(); }
        }
    }
}
