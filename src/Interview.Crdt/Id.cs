namespace Interview.Crdt;

/// <summary>A struct id: the client that created it and its logical clock (UTF-16 units, items, entries).</summary>
public readonly record struct Id(ulong Client, int Clock)
{
    public override string ToString() => $"{Client}:{Clock}";
}
