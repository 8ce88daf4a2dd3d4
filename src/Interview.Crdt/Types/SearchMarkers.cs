using Interview.Crdt.Structs;

namespace Interview.Crdt.Types;

/// <summary>
/// Cached text positions (like yjs search markers): each marker is an undeleted countable item and its index.
/// Local text edits shift them; any other structural change of the type drops them all. Up to
/// <see cref="Capacity"/> markers, the least recently used one is replaced.
/// </summary>
internal sealed class SearchMarkers
{
    public const int Capacity = 16;

    private readonly Item?[] _items = new Item?[Capacity];
    private readonly int[] _indexes = new int[Capacity];
    private readonly long[] _used = new long[Capacity];
    private long _clock;

    public void Clear() => Array.Clear(_items);

    /// <summary>The valid marker nearest to <paramref name="index"/>, if nearer than the start of the text.</summary>
    public bool TryFindNearest(int index, out Item item, out int itemIndex)
    {
        var best = -1;
        var bestDistance = index;
        for (var i = 0; i < Capacity; i++)
        {
            var m = _items[i];
            if (m is null) continue;
            if (m.Deleted || !m.Countable) { _items[i] = null; continue; }
            var distance = Math.Abs(_indexes[i] - index);
            if (distance < bestDistance) { best = i; bestDistance = distance; }
        }
        if (best < 0) { item = null!; itemIndex = 0; return false; }
        _used[best] = ++_clock;
        item = _items[best]!;
        itemIndex = _indexes[best];
        return true;
    }

    public void Add(Item item, int index)
    {
        if (item.Deleted || !item.Countable) return;
        var slot = 0;
        for (var i = 0; i < Capacity; i++)
        {
            if (_items[i] == item || _items[i] is null) { slot = i; break; }
            if (_used[i] < _used[slot]) slot = i;
        }
        _items[slot] = item;
        _indexes[slot] = index;
        _used[slot] = ++_clock;
    }

    /// <summary><paramref name="len"/> units were inserted at <paramref name="index"/> (before any marker starting there).</summary>
    public void Inserted(int index, int len)
    {
        for (var i = 0; i < Capacity; i++)
            if (_items[i] is not null && _indexes[i] >= index) _indexes[i] += len;
    }

    /// <summary><paramref name="len"/> units were deleted from <paramref name="index"/>.</summary>
    public void Deleted(int index, int len)
    {
        for (var i = 0; i < Capacity; i++)
        {
            var m = _items[i];
            if (m is null) continue;
            if (m.Deleted) _items[i] = null;
            else if (_indexes[i] >= index + len) _indexes[i] -= len;
        }
    }

    /// <summary><paramref name="right"/> was merged into <paramref name="left"/>.</summary>
    public void Merged(Item left, Item right)
    {
        for (var i = 0; i < Capacity; i++)
        {
            if (_items[i] != right) continue;
            _items[i] = left;
            if (!left.Deleted && left.Countable) _indexes[i] -= left.Length;
        }
    }
}
