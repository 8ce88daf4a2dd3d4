using System.Threading.Channels;

namespace Interview.Web.Shared.Actors;

/// <summary>
/// The single-writer loop of an actor (a room, an exam): work is queued and run one item at a time, in order, so the
/// actor's state needs no locks. Each caller gets a task that completes with its own item's result or failure;
/// <paramref name="afterEach"/> runs after every item (actors publish their snapshot there).
/// </summary>
/// <param name="name">The actor, for the error a caller gets once the mailbox is closed.</param>
internal sealed class Mailbox(string name, Action afterEach)
{
    private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>(new() { SingleReader = true });
    private Task? _loop;

    /// <summary>Starts the loop; call once, when the actor is fully built.</summary>
    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Queues <paramref name="work"/> and returns its result.</summary>
    public Task<T> Enqueue<T>(Func<Task<T>> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var accepted = _work.Writer.TryWrite(async () =>
        {
            try { completion.SetResult(await work()); }
            catch (Exception e) { completion.SetException(e); }
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
            await work();
            afterEach();
        }
    }
}
