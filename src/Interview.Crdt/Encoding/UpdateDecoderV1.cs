namespace Interview.Crdt.Encoding;

/// <summary>Yjs update format v1 reader, the twin of <see cref="UpdateEncoderV1"/>.</summary>
internal sealed class UpdateDecoderV1(VarReader rest)
{
    /// <summary>Clocks and lengths above this are rejected, so that clock + length never overflows.</summary>
    public const int MaxClock = int.MaxValue / 2;

    public readonly VarReader Rest = rest;

    public Id ReadId() => new(Rest.ReadVarUint(), ReadClock());
    public ulong ReadClient() => Rest.ReadVarUint();
    public byte ReadInfo() => Rest.ReadByte();
    public string ReadString() => Rest.ReadVarString();
    public bool ReadParentInfo() => Rest.ReadVarUint() == 1;
    public int ReadTypeRef() => Rest.ReadVarUintInt();
    public int ReadLen() => ReadClock();
    public object? ReadAny() => Rest.ReadAny();
    public byte[] ReadBuf() => Rest.ReadVarUint8Array();
    public string ReadJson() => Rest.ReadVarString();
    public string ReadKey() => Rest.ReadVarString();
    public int ReadDsClock() => ReadClock();
    public int ReadDsLen() => ReadClock();

    public int ReadClock()
    {
        var v = Rest.ReadVarUint();
        if (v > MaxClock) throw new CrdtFormatException("clock or length out of range");
        return (int)v;
    }
}
