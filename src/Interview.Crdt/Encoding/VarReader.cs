using System.Buffers.Binary;

namespace Interview.Crdt.Encoding;

/// <summary>
/// lib0 decoding over a byte array. Every read is bounds-checked and throws <see cref="CrdtFormatException"/>;
/// lengths are checked against the bytes that remain before anything is allocated.
/// </summary>
public sealed class VarReader(ReadOnlyMemory<byte> data)
{
    private readonly ReadOnlyMemory<byte> _data = data;
    private int _pos;

    /// <summary>2^53 - 1, the largest integer lib0 reads.</summary>
    public const ulong MaxSafeInteger = (1UL << 53) - 1;

    public int Position => _pos;
    public int Remaining => _data.Length - _pos;
    public bool HasContent => _pos < _data.Length;

    private static CrdtFormatException Eof() => new("unexpected end of data");

    public byte ReadByte()
    {
        if (_pos >= _data.Length) throw Eof();
        return _data.Span[_pos++];
    }

    public ReadOnlySpan<byte> ReadBytes(int n)
    {
        if (n < 0 || n > Remaining) throw Eof();
        var s = _data.Span.Slice(_pos, n);
        _pos += n;
        return s;
    }

    public ulong ReadVarUint()
    {
        var span = _data.Span;
        ulong num = 0;
        var shift = 0;
        while (_pos < span.Length)
        {
            var r = span[_pos++];
            num |= (ulong)(r & 0x7f) << shift;
            if (r < 0x80)
            {
                if (num > MaxSafeInteger) throw new CrdtFormatException("varUint exceeds 53 bits");
                return num;
            }
            shift += 7;
            if (shift > 49) throw new CrdtFormatException("varUint exceeds 53 bits");
        }
        throw Eof();
    }

    /// <summary>A varUint that must fit a non-negative int (lengths, clocks, counts).</summary>
    public int ReadVarUintInt()
    {
        var v = ReadVarUint();
        if (v > int.MaxValue) throw new CrdtFormatException("integer out of range");
        return (int)v;
    }

    /// <summary>A count of following elements: each needs at least one byte, so it cannot exceed what remains.</summary>
    public int ReadCount()
    {
        var v = ReadVarUint();
        if (v > (ulong)Remaining) throw new CrdtFormatException("count exceeds the remaining data");
        return (int)v;
    }

    public double ReadVarInt()
    {
        var r = ReadByte();
        ulong num = (ulong)(r & 0x3f);
        var negative = (r & 0x40) != 0;
        var shift = 6;
        while ((r & 0x80) != 0)
        {
            r = ReadByte();
            num |= (ulong)(r & 0x7f) << shift;
            shift += 7;
            if (shift > 55) throw new CrdtFormatException("varInt exceeds 53 bits");
        }
        if (num > MaxSafeInteger) throw new CrdtFormatException("varInt exceeds 53 bits");
        var d = (double)num;
        return negative ? -d : d;
    }

    public string ReadVarString()
    {
        var n = ReadVarUint();
        if (n > (ulong)Remaining) throw Eof();
        return System.Text.Encoding.UTF8.GetString(ReadBytes((int)n));
    }

    public byte[] ReadVarUint8Array()
    {
        var n = ReadVarUint();
        if (n > (ulong)Remaining) throw Eof();
        return ReadBytes((int)n).ToArray();
    }

    public ReadOnlyMemory<byte> ReadVarUint8Memory()
    {
        var n = ReadVarUint();
        if (n > (ulong)Remaining) throw Eof();
        var m = _data.Slice(_pos, (int)n);
        _pos += (int)n;
        return m;
    }

    public float ReadFloat32() => BinaryPrimitives.ReadSingleBigEndian(ReadBytes(4));
    public double ReadFloat64() => BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8));
    public long ReadBigInt64() => BinaryPrimitives.ReadInt64BigEndian(ReadBytes(8));

    /// <summary>lib0 <c>readAny</c>; nesting deeper than <see cref="AnyValue.MaxDepth"/> is rejected.</summary>
    public object? ReadAny() => AnyValue.Read(this, 0);
}
