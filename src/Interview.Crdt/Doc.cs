namespace Interview.Crdt;
public sealed class Doc { }
