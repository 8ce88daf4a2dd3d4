using Interview.Crdt.Types;

namespace Interview.Crdt.Tests;

/// <summary>The worked example of docs/crdt.md, byte by byte.</summary>
public class WorkedExampleTests
{
    private static readonly byte[] Hello =
    [
        /* clients with structs */ 0x01,
        /* structs of this client */ 0x01,
        /* client 1234567 */ 0x87, 0xad, 0x4b,
        /* first clock */ 0x00,
        /* info: ContentString (4), no origins, no parentSub */ 0x04,
        /* parent is a root name */ 0x01,
        /* "monaco" */ 0x06, 0x6d, 0x6f, 0x6e, 0x61, 0x63, 0x6f,
        /* "hello" */ 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f,
        /* delete set: no clients */ 0x00,
    ];

    [Fact]
    public void Inserting_hello_into_monaco_encodes_as_in_the_issue()
    {
        var doc = new Doc(clientId: 1234567);
        byte[]? fromEvent = null;
        doc.Update += (_, e) => fromEvent = e.Update;
        doc.GetText("monaco").Insert(0, "hello");
        Assert.Equal(Hello, Updates.EncodeStateAsUpdate(doc));
        Assert.Equal(Hello, fromEvent);
        Assert.Equal(new byte[] { /* 1 client */ 0x01, 0x87, 0xad, 0x4b, /* clock */ 0x05 }, Updates.EncodeStateVector(doc));
    }

    [Fact]
    public void The_example_decodes_back_to_hello()
    {
        var doc = new Doc(clientId: 1);
        Updates.ApplyUpdate(doc, Hello);
        Assert.Equal("hello", doc.GetText("monaco").ToString());
        Assert.Equal(Hello, Updates.EncodeStateAsUpdate(doc));
    }

    [Fact]
    public void Typing_merges_into_one_item_and_deleting_keeps_a_deleted_item_and_a_delete_set()
    {
        var doc = new Doc(clientId: 1);
        var text = doc.GetText("t");
        text.Insert(0, "ab");
        text.Insert(2, "c");
        text.Delete(0, 1);
        Assert.Equal("bc", text.ToString());
        Assert.Equal(new byte[]
        {
            0x01, /* 2 structs */ 0x02, /* client 1 */ 0x01, 0x00,
            /* "a" collected: ContentDeleted (1) of length 1, parent root "t" */ 0x01, 0x01, 0x01, (byte)'t', 0x01,
            /* ContentString with origin 1:0 */ 0x84, 0x01, 0x00, /* "bc" */ 0x02, 0x62, 0x63,
            /* delete set: 1 client */ 0x01, 0x01, /* 1 range */ 0x01, /* clock 0 */ 0x00, /* len 1 */ 0x01,
        }, Updates.EncodeStateAsUpdate(doc));
    }

    [Fact]
    public void Map_entries_and_nested_types_round_trip()
    {
        var doc = new Doc(clientId: 5);
        var meta = doc.GetMap("meta");
        meta.Set("language", "python");
        var nested = meta.Set("settings", new YMap());
        nested.Set("tabs", 4);
        var copy = new Doc(clientId: 6);
        Updates.ApplyUpdate(copy, Updates.EncodeStateAsUpdate(doc));
        Assert.Equal("{\"language\":\"python\",\"settings\":{\"tabs\":4}}", Interview.Crdt.Encoding.AnyValue.ToJson(copy.GetMap("meta").ToJson()));
        Assert.Equal(Updates.EncodeStateAsUpdate(doc), Updates.EncodeStateAsUpdate(copy));
    }
}
