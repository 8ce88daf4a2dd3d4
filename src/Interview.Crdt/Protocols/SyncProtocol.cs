using Interview.Crdt.Encoding;

namespace Interview.Crdt.Protocols;

/// <summary>A decoded sync message: its type and payload (a state vector for step 1, an update otherwise).</summary>
public readonly record struct SyncMessage(SyncMessageType Type, ReadOnlyMemory<byte> Payload);

/// <summary>
/// y-protocols/sync as pure functions. Frames here are the sync message alone; <see cref="Frames"/> adds the outer
/// y-websocket message type.
/// </summary>
public static class SyncProtocol
{
    public static byte[] EncodeStep1(ReadOnlySpan<byte> stateVector) => Encode(SyncMessageType.Step1, stateVector);
    public static byte[] EncodeStep1(Doc doc) => EncodeStep1(Updates.EncodeStateVector(doc));
    public static byte[] EncodeStep2(ReadOnlySpan<byte> update) => Encode(SyncMessageType.Step2, update);
    public static byte[] EncodeUpdate(ReadOnlySpan<byte> update) => Encode(SyncMessageType.Update, update);

    private static byte[] Encode(SyncMessageType type, ReadOnlySpan<byte> payload)
    {
        using var w = new VarWriter(payload.Length + 8);
        w.WriteVarUint((ulong)type);
        w.WriteVarUint8Array(payload);
        return w.ToArray();
    }

    /// <summary>Decodes a sync message; throws <see cref="CrdtFormatException"/> on anything malformed.</summary>
    public static SyncMessage Decode(ReadOnlyMemory<byte> message) => Read(new VarReader(message));

    internal static SyncMessage Read(VarReader r)
    {
        var type = r.ReadVarUint();
        if (type > 2) throw new CrdtFormatException($"unknown sync message type {type}");
        return new SyncMessage((SyncMessageType)type, r.ReadVarUint8Memory());
    }

    /// <summary>
    /// Handles a sync message against <paramref name="doc"/> as y-protocols <c>readSyncMessage</c> does: step 1 is
    /// answered with step 2 (returned); step 2 and update are applied with <paramref name="origin"/> (null returned).
    /// </summary>
    public static byte[]? Handle(Doc doc, ReadOnlyMemory<byte> message, object? origin = null)
    {
        var m = Decode(message);
        return HandleDecoded(doc, m, origin);
    }

    internal static byte[]? HandleDecoded(Doc doc, SyncMessage m, object? origin)
    {
        switch (m.Type)
        {
            case SyncMessageType.Step1:
                return EncodeStep2(Updates.EncodeStateAsUpdate(doc, m.Payload.Span));
            default:
                Updates.ApplyUpdate(doc, m.Payload, origin);
                return null;
        }
    }
}

/// <summary>y-websocket frames: the outer <see cref="MessageType"/> then the message.</summary>
public static class Frames
{
    /// <summary>frame := varUint(0) • syncMessage.</summary>
    public static byte[] Sync(ReadOnlySpan<byte> syncMessage) => Prefix(MessageType.Sync, syncMessage, false);

    /// <summary>frame := varUint(1) • varUint8Array(awarenessUpdate).</summary>
    public static byte[] Awareness(ReadOnlySpan<byte> awarenessUpdate) => Prefix(MessageType.Awareness, awarenessUpdate, true);

    /// <summary>frame := varUint(3).</summary>
    public static byte[] QueryAwareness() => [(byte)MessageType.QueryAwareness];

    private static byte[] Prefix(MessageType type, ReadOnlySpan<byte> body, bool asArray)
    {
        using var w = new VarWriter(body.Length + 8);
        w.WriteVarUint((ulong)type);
        if (asArray) w.WriteVarUint8Array(body); else w.WriteBytes(body);
        return w.ToArray();
    }

    /// <summary>Splits a frame into its type and body (for Awareness: the awareness update, unwrapped).</summary>
    public static (MessageType Type, ReadOnlyMemory<byte> Body) Decode(ReadOnlyMemory<byte> frame)
    {
        var r = new VarReader(frame);
        var type = r.ReadVarUint();
        return type switch
        {
            0 => (MessageType.Sync, frame[r.Position..]),
            1 => (MessageType.Awareness, r.ReadVarUint8Memory()),
            2 => (MessageType.Auth, frame[r.Position..]),
            3 => (MessageType.QueryAwareness, ReadOnlyMemory<byte>.Empty),
            _ => throw new CrdtFormatException($"unknown message type {type}"),
        };
    }
}
