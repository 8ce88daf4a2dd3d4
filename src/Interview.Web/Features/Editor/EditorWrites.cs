using Interview.Crdt;
using Interview.Crdt.Protocols;

namespace Interview.Web.Features.Editor;

/// <summary>Tells frames that change the document from those that only read it, for read-only participants.</summary>
public static class EditorWrites
{
    /// <summary>
    /// True for a sync step 2 or update carrying anything (an empty update is <c>[0, 0]</c>: no structs, no deletes;
    /// a read-only client in sync answers the server's step 1 with it). Step 1, awareness and queries only read.
    /// Malformed frames count as reads here; the session rejects them with the decoding error.
    /// </summary>
    public static bool ChangesDocument(ReadOnlyMemory<byte> frame)
    {
        try
        {
            var (type, body) = Frames.Decode(frame);
            if (type != MessageType.Sync) return false;
            var sync = SyncProtocol.Decode(body);
            if (sync.Type == SyncMessageType.Step1) return false;
            return !sync.Payload.Span.SequenceEqual(EmptyUpdate);
        }
        catch (CrdtFormatException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> EmptyUpdate => [0, 0];
}
