using Interview.Crdt.Encoding;

namespace Interview.Crdt.Tests;

/// <summary>Hand-made hostile updates: deep nesting, absurd counts and clocks, self references.</summary>
public class HostileUpdateTests
{
    private static byte[] NestedArrays(int depth)
    {
        using var w = new VarWriter();
        w.WriteVarUint(1); // one client
        w.WriteVarUint((ulong)depth); // structs
        w.WriteVarUint(1); // client 1
        w.WriteVarUint(0); // first clock
        // item 0: ContentType(Array) in root "a"
        w.WriteByte(0x07); w.WriteVarUint(1); w.WriteVarString("a"); w.WriteVarUint(0);
        for (var i = 1; i < depth; i++)
        {
            // item i: ContentType(Array) whose parent is item i-1
            w.WriteByte(0x07); w.WriteVarUint(0); w.WriteVarUint(1); w.WriteVarUint((ulong)(i - 1)); w.WriteVarUint(0);
        }
        w.WriteVarUint(0); // empty delete set
        return w.ToArray();
    }

    [Fact]
    public void Types_nested_5000_deep_neither_recurse_without_bound_nor_break_the_doc()
    {
        var doc = new Doc(clientId: 9);
        Updates.ApplyUpdate(doc, NestedArrays(5_000));
        var state = Updates.EncodeStateAsUpdate(doc);
        Assert.Equal(new byte[] { /* 1 client */ 0x01, /* client 1 */ 0x01, /* clock 5000 */ 0x88, 0x27 }, Updates.EncodeStateVector(doc));
        _ = doc.GetArray("a").ToJson();
        // Deleting the outermost array deletes everything below it without a stack overflow.
        doc.GetArray("a").Delete(0, 1);
        var copy = new Doc(clientId: 10);
        Updates.ApplyUpdate(copy, state);
        Assert.Equal(state, Updates.EncodeStateAsUpdate(copy));
    }

    [Theory]
    [InlineData(new byte[] { /* 2^40 clients */ 0x80, 0x80, 0x80, 0x80, 0x80, 0x20 })]
    [InlineData(new byte[] { 0x01, /* 2^40 structs */ 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x01, 0x01, /* clock 2^40 */ 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0x00, 0x01 })]
    [InlineData(new byte[] { 0x01, 0x01, 0x01, 0x00, /* GC of length 2^35 */ 0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x01, 0x01, 0x00, /* string claiming 2^30 bytes */ 0x04, 0x01, 0x01, 0x61, 0x80, 0x80, 0x80, 0x80, 0x04 })]
    [InlineData(new byte[] { 0x01, 0x01, 0x01, 0x05, /* origin = own clock 5 */ 0x84, 0x01, 0x05, 0x01, 0x61, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x01, 0x01, 0x00, /* unknown content ref 17 */ 0x11, 0x01, 0x01, 0x61, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x01, 0x01, 0x00, /* unknown type ref 9 */ 0x07, 0x01, 0x01, 0x61, 0x09, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x01, 0x01, 0x00, /* empty string content */ 0x04, 0x01, 0x01, 0x61, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x00, /* delete set: 1 client, 2^40 ranges */ 0x01, 0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20 })]
    public void Absurd_updates_are_rejected_and_change_nothing(byte[] update)
    {
        var doc = new Doc(clientId: 9);
        doc.GetText("a").Insert(0, "safe");
        var before = Updates.EncodeStateAsUpdate(doc);
        Assert.Throws<CrdtFormatException>(() => Updates.ApplyUpdate(doc, update));
        Assert.Equal(before, Updates.EncodeStateAsUpdate(doc));
        Assert.Equal("safe", doc.GetText("a").ToString());
    }
}
