using System.Threading.Channels;

namespace Interview.Web.Tests.Support;

/// <summary>Collects hub events in arrival order and waits for them with a deadline (no sleeps).</summary>
public sealed class EventLog<T>
{
    private readonly Channel<T> _events = Channel.CreateUnbounded<T>();

    public void Add(T item) => _events.Writer.TryWrite(item);

    /// <summary>Events received and not yet read.</summary>
    public int Count => _events.Reader.Count;

    public async Task<T> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try { return await _events.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"no {typeof(T).Name} event arrived in time"); }
    }

    /// <summary>Skips events until one matches.</summary>
    public async Task<T> FirstAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) throw new TimeoutException($"no matching {typeof(T).Name} event arrived in time");
            var item = await NextAsync(remaining);
            if (match(item)) return item;
        }
    }
}

/// <summary>A clock that tests move by hand.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
