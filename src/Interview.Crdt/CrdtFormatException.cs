namespace Interview.Crdt;

/// <summary>
/// Thrown when an update, state vector or protocol message is malformed or hostile (truncated, bad varints,
/// absurd lengths or clocks, unknown refs, nesting too deep). The document it was applied to is unchanged.
/// </summary>
public sealed class CrdtFormatException(string message) : Exception(message);
