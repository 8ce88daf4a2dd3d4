namespace Interview.Web.Shared.Cluster;

/// <summary>
/// Whether this node may accept changes right now. A clustered node that has lost Redis cannot carry a change to the
/// people on the other nodes, so it refuses changes with <see cref="Refusal"/> until Redis is back rather than accept
/// what the room would silently not see. Hub calls (<see cref="WriteGateHubFilter"/>) and <c>/yjs</c> sockets ask it.
/// </summary>
public interface IWriteGate
{
    /// <summary>Why changes are refused now, for the client; null when they are accepted.</summary>
    string? Refusal { get; }
}

/// <summary>A node without Redis (a cluster of one) always accepts changes.</summary>
internal sealed class OpenWriteGate : IWriteGate
{
    public string? Refusal => null;
}
