using Interview.Crdt.Encoding;

namespace Interview.Crdt.Tests.Encoding;

/// <summary>lib0 primitives, byte by byte.</summary>
public class VarWriterTests
{
    private static byte[] Bytes(Action<VarWriter> write)
    {
        using var w = new VarWriter();
        write(w);
        return w.ToArray();
    }

    [Theory]
    [InlineData(0x00UL, new byte[] { /* 0 */ 0x00 })]
    [InlineData(0x7fUL, new byte[] { /* last 1-byte value */ 0x7f })]
    [InlineData(0x80UL, new byte[] { /* continue | 0 */ 0x80, /* 1 << 7 */ 0x01 })]
    [InlineData(0x3fffUL, new byte[] { 0xff, /* last 2-byte value */ 0x7f })]
    [InlineData(0x4000UL, new byte[] { 0x80, 0x80, /* 1 << 14 */ 0x01 })]
    [InlineData(1234567UL, new byte[] { 0x87, 0xad, 0x4b })]
    [InlineData((1UL << 53) - 1, new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, /* 53rd bit */ 0x0f })]
    public void VarUint_round_trips_at_boundaries(ulong value, byte[] expected)
    {
        var bytes = Bytes(w => w.WriteVarUint(value));
        Assert.Equal(expected, bytes);
        var r = new VarReader(bytes);
        Assert.Equal(value, r.ReadVarUint());
        Assert.False(r.HasContent);
    }

    [Fact]
    public void VarUint_beyond_53_bits_or_truncated_is_rejected()
    {
        Assert.Throws<CrdtFormatException>(() => new VarReader(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1f }).ReadVarUint());
        Assert.Throws<CrdtFormatException>(() => new VarReader(new byte[] { 0x80, 0x80 }).ReadVarUint());
        Assert.Throws<CrdtFormatException>(() => new VarReader(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 }).ReadVarUint());
    }

    [Theory]
    [InlineData(0.0, new byte[] { 0x00 })]
    [InlineData(63.0, new byte[] { /* 6 data bits */ 0x3f })]
    [InlineData(64.0, new byte[] { /* continue | 0 */ 0x80, 0x01 })]
    [InlineData(-1.0, new byte[] { /* sign | 1 */ 0x41 })]
    [InlineData(-64.0, new byte[] { /* continue | sign | 0 */ 0xc0, 0x01 })]
    [InlineData(2147483647.0, new byte[] { 0xbf, 0xff, 0xff, 0xff, 0x0f })]
    public void VarInt_has_sign_bit_and_six_data_bits_first(double value, byte[] expected)
    {
        var bytes = Bytes(w => w.WriteVarInt(value));
        Assert.Equal(expected, bytes);
        Assert.Equal(value, new VarReader(bytes).ReadVarInt());
    }

    [Fact]
    public void Negative_zero_keeps_its_sign()
    {
        var bytes = Bytes(w => w.WriteVarInt(-0.0));
        Assert.Equal(new byte[] { /* sign, 0 */ 0x40 }, bytes);
        Assert.True(double.IsNegative(new VarReader(bytes).ReadVarInt()));
    }

    [Fact]
    public void VarString_is_utf8_with_length_and_lone_surrogates_become_replacement_chars()
    {
        Assert.Equal(new byte[] { /* len */ 0x03, 0x61, /* é */ 0xc3, 0xa9 }, Bytes(w => w.WriteVarString("aé")));
        Assert.Equal(new byte[] { 0x04, /* 😀 */ 0xf0, 0x9f, 0x98, 0x80 }, Bytes(w => w.WriteVarString("😀")));
        Assert.Equal(new byte[] { 0x03, /* U+FFFD */ 0xef, 0xbf, 0xbd }, Bytes(w => w.WriteVarString("\ud83d")));
        var longText = new string('x', 200);
        var bytes = Bytes(w => w.WriteVarString(longText));
        Assert.Equal(new byte[] { 0xc8, 0x01 }, bytes[..2]);
        Assert.Equal(longText, new VarReader(bytes).ReadVarString());
    }

    [Fact]
    public void Any_values_use_lib0_type_tags()
    {
        Assert.Equal(new byte[] { /* int */ 0x7d, 0x01 }, Bytes(w => w.WriteAny(1)));
        Assert.Equal(new byte[] { /* float32 */ 0x7c, 0x3f, 0x00, 0x00, 0x00 }, Bytes(w => w.WriteAny(0.5)));
        Assert.Equal(new byte[] { /* float64 */ 0x7b, 0x3f, 0xb9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a }, Bytes(w => w.WriteAny(0.1)));
        Assert.Equal(new byte[] { /* 2^31 is float32 */ 0x7c, 0x4f, 0x00, 0x00, 0x00 }, Bytes(w => w.WriteAny(2147483648.0)));
        Assert.Equal(new byte[] { 0x78 /* true */, }, Bytes(w => w.WriteAny(true)));
        Assert.Equal(new byte[] { 0x7e /* null */ }, Bytes(w => w.WriteAny(null)));
        Assert.Equal(new byte[] { 0x7f /* undefined */ }, Bytes(w => w.WriteAny(Undefined.Value)));
        Assert.Equal(new byte[] { /* string */ 0x77, 0x01, 0x61 }, Bytes(w => w.WriteAny("a")));
        Assert.Equal(new byte[] { /* bytes */ 0x74, 0x02, 0x01, 0x02 }, Bytes(w => w.WriteAny(new byte[] { 1, 2 })));
        Assert.Equal(new byte[] { /* array */ 0x75, 0x02, 0x7d, 0x01, 0x7e }, Bytes(w => w.WriteAny(new object?[] { 1, null })));
        // Object keys in JavaScript order: array-index keys ascending first.
        var obj = new Dictionary<string, object?> { ["b"] = 1, ["2"] = 2 };
        Assert.Equal(new byte[] { /* object */ 0x76, 0x02, 0x01, (byte)'2', 0x7d, 0x02, 0x01, (byte)'b', 0x7d, 0x01 }, Bytes(w => w.WriteAny(obj)));
    }

    [Fact]
    public void Any_decoding_rejects_deep_nesting_and_unknown_tags()
    {
        var deep = Enumerable.Repeat(new byte[] { 0x75, 0x01 }, 1000).SelectMany(b => b).Append((byte)0x7e).ToArray();
        Assert.Throws<CrdtFormatException>(() => new VarReader(deep).ReadAny());
        Assert.Throws<CrdtFormatException>(() => new VarReader(new byte[] { 0x10 }).ReadAny());
        Assert.Throws<CrdtFormatException>(() => new VarReader(new byte[] { /* array of 2^40 */ 0x75, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20 }).ReadAny());
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-0.0, "0")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-2147483648.0, "-2147483648")]
    public void Numbers_render_as_javascript_does(double value, string expected) => Assert.Equal(expected, AnyValue.FormatNumber(value));
}
