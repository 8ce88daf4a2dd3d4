using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Interview.Crdt.Encoding;

/// <summary>
/// lib0 encoding: a growable byte buffer (rented from the shared pool) with the lib0 primitives.
/// Every Write* has its Read* twin in <see cref="VarReader"/>.
/// </summary>
public sealed class VarWriter : IDisposable
{
    private byte[] _buf;
    private int _pos;

    public VarWriter(int capacity = 256) => _buf = ArrayPool<byte>.Shared.Rent(Math.Max(16, capacity));

    public int Length => _pos;

    public ReadOnlySpan<byte> WrittenSpan => _buf.AsSpan(0, _pos);

    public byte[] ToArray() => _buf.AsSpan(0, _pos).ToArray();

    public void Dispose()
    {
        var b = _buf;
        _buf = [];
        if (b.Length > 0) ArrayPool<byte>.Shared.Return(b);
    }

    private void Grow(int need)
    {
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(_buf.Length * 2, _pos + need));
        _buf.AsSpan(0, _pos).CopyTo(next);
        if (_buf.Length > 0) ArrayPool<byte>.Shared.Return(_buf);
        _buf = next;
    }

    public void WriteByte(byte b)
    {
        if (_pos == _buf.Length) Grow(1);
        _buf[_pos++] = b;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (_pos + bytes.Length > _buf.Length) Grow(bytes.Length);
        bytes.CopyTo(_buf.AsSpan(_pos));
        _pos += bytes.Length;
    }

    /// <summary>Unsigned LEB128, 7 bits per byte, up to 53 bits as lib0 allows.</summary>
    public void WriteVarUint(ulong num)
    {
        if (_pos + 10 > _buf.Length) Grow(10);
        while (num > 0x7f)
        {
            _buf[_pos++] = (byte)(0x80 | (num & 0x7f));
            num >>= 7;
        }
        _buf[_pos++] = (byte)num;
    }

    /// <summary>lib0 varInt: first byte holds continue bit, sign bit and 6 data bits. -0 keeps its sign.</summary>
    public void WriteVarInt(double value)
    {
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var num = (ulong)Math.Abs(value);
        WriteByte((byte)((num > 0x3f ? 0x80 : 0) | (negative ? 0x40 : 0) | (int)(num & 0x3f)));
        num >>= 6;
        while (num > 0)
        {
            WriteByte((byte)((num > 0x7f ? 0x80 : 0) | (int)(num & 0x7f)));
            num >>= 7;
        }
    }

    /// <summary>UTF-8 bytes prefixed by their count. Lone surrogates become U+FFFD, as TextEncoder does.</summary>
    public void WriteVarString(string s)
    {
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(s.Length);
        if (max < 128)
        {
            if (_pos + max + 1 > _buf.Length) Grow(max + 1);
            var n = System.Text.Encoding.UTF8.GetBytes(s, _buf.AsSpan(_pos + 1));
            _buf[_pos] = (byte)n;
            _pos += n + 1;
            return;
        }
        var count = System.Text.Encoding.UTF8.GetByteCount(s);
        WriteVarUint((ulong)count);
        if (_pos + count > _buf.Length) Grow(count);
        _pos += System.Text.Encoding.UTF8.GetBytes(s, _buf.AsSpan(_pos));
    }

    public void WriteVarUint8Array(ReadOnlySpan<byte> bytes)
    {
        WriteVarUint((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    public void WriteFloat32(float f)
    {
        if (_pos + 4 > _buf.Length) Grow(4);
        BinaryPrimitives.WriteSingleBigEndian(_buf.AsSpan(_pos), f);
        _pos += 4;
    }

    public void WriteFloat64(double d)
    {
        if (_pos + 8 > _buf.Length) Grow(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buf.AsSpan(_pos), d);
        _pos += 8;
    }

    public void WriteBigInt64(long v)
    {
        if (_pos + 8 > _buf.Length) Grow(8);
        BinaryPrimitives.WriteInt64BigEndian(_buf.AsSpan(_pos), v);
        _pos += 8;
    }

    /// <summary>lib0 <c>writeAny</c>: the JS value model of <see cref="AnyValue"/>.</summary>
    public void WriteAny(object? data) => AnyValue.Write(this, data, 0);
}
