using System.Collections.Concurrent;

namespace Interview.Web.Shared.Actors;

/// <summary>
/// The loaded actors of one kind (rooms, exams) by id: each is loaded once, however many callers ask at the same
/// time. A load that fails (storage briefly unavailable) or finds nothing is not remembered, so the next caller loads
/// again instead of getting the same failure until a restart.
/// </summary>
internal sealed class ActorCache<T> where T : class
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T?>>> _actors = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Ids => [.. _actors.Keys];

    /// <summary>The actor with that id, loaded by <paramref name="load"/> if it is not yet; null when none exists.</summary>
    public async Task<T?> GetAsync(string id, Func<string, Task<T?>> load)
    {
        var lazy = _actors.GetOrAdd(id, key => new Lazy<Task<T?>>(() => load(key)));
        try
        {
            var actor = await lazy.Value;
            if (actor is null) _actors.TryRemove(new(id, lazy));
            return actor;
        }
        catch
        {
            _actors.TryRemove(new(id, lazy));
            throw;
        }
    }

    /// <summary>Forgets the actor and returns it if it was loaded (for the caller to dispose).</summary>
    /// <summary>The actor if it is loaded already; null while it loads, after it failed, or when there is none.</summary>
    public T? Loaded(string id) =>
        _actors.TryGetValue(id, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully ? lazy.Value.Result : null;

    public async Task<T?> RemoveAsync(string id) =>
        _actors.TryRemove(id, out var lazy) ? await LoadedOrNull(lazy) : null;

    /// <summary>Every actor whose load succeeded (for disposal at shutdown).</summary>
    public async Task<IReadOnlyList<T>> LoadedAsync()
    {
        var loaded = new List<T>();
        foreach (var lazy in _actors.Values)
            if (lazy.IsValueCreated && await LoadedOrNull(lazy) is { } actor) loaded.Add(actor);
        return loaded;
    }

    private static async Task<T?> LoadedOrNull(Lazy<Task<T?>> lazy)
    {
        try { return await lazy.Value; }
        catch { return null; } // its failure went to the callers that asked for it
    }
}
