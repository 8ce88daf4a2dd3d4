namespace Interview.Crdt.Protocols;

/// <summary>Outer message type of y-websocket frames (y-protocols), the first varUint of every frame.</summary>
public enum MessageType : byte
{
    /// <summary>A sync message (<see cref="SyncMessageType"/> follows).</summary>
    Sync = 0,
    /// <summary>An awareness update as a varUint8Array.</summary>
    Awareness = 1,
    /// <summary>Authentication (y-protocols/auth): varUint(0 = permission denied) • varString(reason).</summary>
    Auth = 2,
    /// <summary>A request for the peer's full awareness state; no payload.</summary>
    QueryAwareness = 3,
}

/// <summary>y-protocols sync message types.</summary>
public enum SyncMessageType : byte
{
    /// <summary>syncStep1(sv) := varUint(0) • varUint8Array(stateVector): "here is what I have".</summary>
    Step1 = 0,
    /// <summary>syncStep2(update) := varUint(1) • varUint8Array(update): "here is what you lack".</summary>
    Step2 = 1,
    /// <summary>update(update) := varUint(2) • varUint8Array(update): an incremental change.</summary>
    Update = 2,
}
