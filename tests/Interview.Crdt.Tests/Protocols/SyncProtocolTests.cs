using Interview.Crdt.Protocols;

namespace Interview.Crdt.Tests.Protocols;

public class SyncProtocolTests
{
    [Fact]
    public void Step1_frame_shows_its_bytes()
    {
        var doc = new Doc(clientId: 1234567);
        doc.GetText("monaco").Insert(0, "hello");
        Assert.Equal(new byte[]
        {
            /* messageSync */ 0x00, /* step1 */ 0x00, /* sv length */ 0x05,
            /* 1 client */ 0x01, /* 1234567 */ 0x87, 0xad, 0x4b, /* clock 5 */ 0x05,
        }, Frames.Sync(SyncProtocol.EncodeStep1(doc)));
    }

    [Fact]
    public void Two_docs_sync_with_step1_step2_and_updates()
    {
        var server = new Doc(clientId: 1);
        server.GetText("monaco").Insert(0, "server text\n");
        var client = new Doc(clientId: 2);
        client.GetText("monaco").Insert(0, "client ");

        // client → server: step1; server answers step2 and sends its own step1; client answers step2.
        var reply = SyncProtocol.Handle(server, SyncProtocol.EncodeStep1(client), "client");
        Assert.NotNull(reply);
        Assert.Equal(SyncMessageType.Step2, SyncProtocol.Decode(reply!).Type);
        Assert.Null(SyncProtocol.Handle(client, reply!));
        var back = SyncProtocol.Handle(client, SyncProtocol.EncodeStep1(server));
        Assert.Null(SyncProtocol.Handle(server, back!, "client"));
        Assert.Equal(server.GetText("monaco").ToString(), client.GetText("monaco").ToString());

        // An edit on the client travels as an update frame; the server applies it and gets the bytes to broadcast.
        byte[]? clientUpdate = null;
        client.Update += (_, e) => clientUpdate = e.Update;
        client.GetText("monaco").Insert(0, ">");
        var frame = Frames.Sync(SyncProtocol.EncodeUpdate(clientUpdate!));
        var (type, body) = Frames.Decode(frame);
        Assert.Equal(MessageType.Sync, type);
        byte[]? broadcast = null;
        server.Update += (_, e) => broadcast = e.Origin as string == "client" ? e.Update : null;
        Assert.Null(SyncProtocol.Handle(server, body, "client"));
        Assert.Equal(clientUpdate, broadcast);
        Assert.Equal(client.GetText("monaco").ToString(), server.GetText("monaco").ToString());
    }

    [Fact]
    public void Malformed_messages_are_rejected_and_leave_the_doc_unchanged()
    {
        var doc = new Doc(clientId: 1);
        doc.GetText("monaco").Insert(0, "x");
        var before = Updates.EncodeStateAsUpdate(doc);
        Assert.Throws<CrdtFormatException>(() => SyncProtocol.Handle(doc, new byte[] { 0x07, 0x00 }));
        Assert.Throws<CrdtFormatException>(() => SyncProtocol.Handle(doc, new byte[] { 0x02, 0x05, 0x01 }));
        Assert.Throws<CrdtFormatException>(() => SyncProtocol.Handle(doc, new byte[] { 0x02, 0x03, 0x01, 0x01, 0x07 }));
        Assert.Throws<CrdtFormatException>(() => Frames.Decode(new byte[] { 0x09 }));
        Assert.Equal(before, Updates.EncodeStateAsUpdate(doc));
    }
}
