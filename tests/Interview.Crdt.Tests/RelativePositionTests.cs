namespace Interview.Crdt.Tests;

public class RelativePositionTests
{
    [Fact]
    public void A_cursor_follows_its_character_through_concurrent_edits()
    {
        var a = new Doc(clientId: 1);
        a.GetText("monaco").Insert(0, "hello world");
        var cursor = RelativePosition.FromTypeIndex(a.GetText("monaco"), 6); // before "world"
        var bytes = cursor.Encode();
        Assert.Equal(new byte[] { /* item */ 0x00, /* client */ 0x01, /* clock */ 0x06, /* assoc */ 0x00 }, bytes);

        var b = new Doc(clientId: 2);
        Updates.ApplyUpdate(b, Updates.EncodeStateAsUpdate(a));
        b.GetText("monaco").Insert(0, ">>> ");
        b.GetText("monaco").Delete(4, 2); // "he"
        var abs = RelativePosition.Decode(bytes).ToAbsolute(b);
        Assert.NotNull(abs);
        Assert.Equal(8, abs!.Value.Index);
        Assert.Equal("world", b.GetText("monaco").ToString()[abs.Value.Index..]);
    }

    [Fact]
    public void End_positions_and_left_association()
    {
        var doc = new Doc(clientId: 1);
        var text = doc.GetText("t");
        text.Insert(0, "abc");
        var end = RelativePosition.FromTypeIndex(text, 3);
        Assert.Equal(new byte[] { /* root name */ 0x01, 0x01, (byte)'t', 0x00 }, end.Encode());
        text.Insert(3, "d");
        Assert.Equal(4, end.ToAbsolute(doc)!.Value.Index);
        var left = RelativePosition.FromTypeIndex(text, 2, assoc: -1);
        text.Insert(2, "X");
        Assert.Equal(2, left.ToAbsolute(doc)!.Value.Index);
        Assert.Null(new RelativePosition(null, null, new Id(9, 0)).ToAbsolute(doc));
        Assert.Throws<CrdtFormatException>(() => RelativePosition.Decode(new byte[] { 0x05 }));
    }
}
