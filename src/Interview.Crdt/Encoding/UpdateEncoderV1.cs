namespace Interview.Crdt.Encoding;

/// <summary>
/// Yjs update format v1 writer (yjs <c>UpdateEncoderV1</c>/<c>DSEncoderV1</c>): everything goes to one lib0 stream.
/// Its twin is <see cref="UpdateDecoderV1"/>.
/// </summary>
internal sealed class UpdateEncoderV1(VarWriter rest)
{
    public readonly VarWriter Rest = rest;

    public void WriteId(Id id) { Rest.WriteVarUint(id.Client); Rest.WriteVarUint((ulong)id.Clock); }
    public void WriteClient(ulong client) => Rest.WriteVarUint(client);
    public void WriteInfo(byte info) => Rest.WriteByte(info);
    public void WriteString(string s) => Rest.WriteVarString(s);
    public void WriteParentInfo(bool isYKey) => Rest.WriteVarUint(isYKey ? 1UL : 0UL);
    public void WriteTypeRef(int typeRef) => Rest.WriteVarUint((ulong)typeRef);
    public void WriteLen(int len) => Rest.WriteVarUint((ulong)len);
    public void WriteAny(object? value) => Rest.WriteAny(value);
    public void WriteBuf(ReadOnlySpan<byte> buf) => Rest.WriteVarUint8Array(buf);
    /// <summary>A JSON text (yjs writes JSON.stringify output as a varString).</summary>
    public void WriteJson(string json) => Rest.WriteVarString(json);
    public void WriteKey(string key) => Rest.WriteVarString(key);
    public void WriteDsClock(int clock) => Rest.WriteVarUint((ulong)clock);
    public void WriteDsLen(int len) => Rest.WriteVarUint((ulong)len);
}
