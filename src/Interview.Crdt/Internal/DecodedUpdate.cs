using Interview.Crdt.Encoding;
using Interview.Crdt.Structs;
using GC = Interview.Crdt.Structs.GC;

namespace Interview.Crdt.Internal;

/// <summary>
/// An update decoded completely before anything touches a doc: structs per client in wire order and the delete
/// set. Decoding validates everything that integration relies on, so a hostile update fails here.
/// </summary>
internal sealed class DecodedUpdate
{
    public readonly Dictionary<ulong, List<AbstractStruct>> Structs = [];
    public DeleteSet DeleteSet = new();

    public static DecodedUpdate Read(ReadOnlyMemory<byte> update)
    {
        var decoder = new UpdateDecoderV1(new VarReader(update));
        var result = new DecodedUpdate();
        var clients = decoder.Rest.ReadCount();
        for (var i = 0; i < clients; i++)
        {
            var count = decoder.Rest.ReadCount();
            var client = decoder.ReadClient();
            var clock = decoder.ReadClock();
            var refs = new List<AbstractStruct>(Math.Min(count, 4096));
            for (var j = 0; j < count; j++)
            {
                var info = decoder.ReadInfo();
                AbstractStruct s;
                switch (info & 0x1f)
                {
                    case GC.Ref:
                        s = new GC(new Id(client, clock), decoder.ReadLen());
                        break;
                    case Skip.Ref:
                        s = new Skip(new Id(client, clock), decoder.ReadClock());
                        break;
                    default:
                        s = Item.Read(decoder, new Id(client, clock), info);
                        break;
                }
                if (s.Length <= 0) throw new CrdtFormatException("struct with length 0");
                if ((long)clock + s.Length > UpdateDecoderV1.MaxClock) throw new CrdtFormatException("clock out of range");
                clock += s.Length;
                refs.Add(s);
            }
            result.Structs[client] = refs;
        }
        result.DeleteSet = DeleteSet.Read(decoder);
        return result;
    }
}

/// <summary>Structs waiting for missing dependencies, and the lowest clock per client that would unblock them.</summary>
internal sealed class PendingStructs
{
    public readonly Dictionary<ulong, int> Missing = [];
    public readonly Dictionary<ulong, List<AbstractStruct>> Structs = [];

    public void AddMissing(ulong client, int clock)
    {
        if (!Missing.TryGetValue(client, out var m) || m > clock) Missing[client] = clock;
    }

    /// <summary>Adds structs, keeping each client's list in clock order (duplicates are skipped when integrating).</summary>
    public void Merge(Dictionary<ulong, List<AbstractStruct>> structs)
    {
        foreach (var (client, list) in structs)
        {
            if (!Structs.TryGetValue(client, out var existing)) { Structs[client] = [.. list]; continue; }
            existing.AddRange(list);
            var sorted = existing.OrderBy(s => s.Id.Clock).ToList();
            existing.Clear();
            existing.AddRange(sorted);
        }
    }
}
