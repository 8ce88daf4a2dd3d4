using System.Text.Json;
using Interview.Crdt.Encoding;

namespace Interview.Crdt.Tests.Oracle;

/// <summary>
/// Every content kind yjs produces (formatting, embeds, XML element/text/hook/fragment, subdocuments, binary,
/// nested prelim types, 53-bit client id) from tests/crdt-oracle/kinds.mjs: decoded and re-encoded to the same
/// bytes, whether applied update by update or as one state.
/// </summary>
public class ContentKindsTests
{
    [Fact]
    public void Every_content_kind_round_trips_byte_for_byte()
    {
        using var json = JsonDocument.Parse(Node.Run("kinds.mjs"));
        var root = json.RootElement;
        var state = Convert.FromBase64String(root.GetProperty("state").GetString()!);

        var incremental = new Doc(clientId: 1);
        foreach (var u in root.GetProperty("updates").EnumerateArray()) Updates.ApplyUpdate(incremental, Convert.FromBase64String(u.GetString()!));
        Assert.Equal(Convert.ToHexString(state), Convert.ToHexString(Updates.EncodeStateAsUpdate(incremental)));

        var whole = new Doc(clientId: 1);
        Updates.ApplyUpdate(whole, state);
        Assert.Equal(Convert.ToHexString(state), Convert.ToHexString(Updates.EncodeStateAsUpdate(whole)));

        var text = whole.GetText("rich");
        Assert.Equal(root.GetProperty("text").GetString(), text.ToString());
        // The delta with formatting attributes, as yjs's toDelta renders it.
        var ours = text.ToDelta().Select(op => new Dictionary<string, object?>
        {
            ["insert"] = op.Insert,
        }.Concat(op.Attributes is null ? [] : [KeyValuePair.Create<string, object?>("attributes", op.Attributes.ToDictionary())]).ToDictionary()).ToArray();
        Assert.Equal(root.GetProperty("delta").GetRawText(), AnyValue.ToJson(ours));
    }

    [Fact]
    public void Legacy_json_content_is_kept_as_written()
    {
        byte[] update =
        [
            0x01, 0x01, /* client */ 0x03, /* clock */ 0x00,
            /* info: ContentJSON (2) */ 0x02, /* root */ 0x01, 0x01, (byte)'l',
            /* 3 values */ 0x03, 0x07, (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'1', (byte)'}',
            0x09, (byte)'u', (byte)'n', (byte)'d', (byte)'e', (byte)'f', (byte)'i', (byte)'n', (byte)'e', (byte)'d',
            0x04, (byte)'t', (byte)'r', (byte)'u', (byte)'e',
            /* delete set */ 0x00,
        ];
        var doc = new Doc(clientId: 1);
        Updates.ApplyUpdate(doc, update);
        Assert.Equal(update, Updates.EncodeStateAsUpdate(doc));
        Assert.Equal("[{\"a\":1},null,true]", AnyValue.ToJson(doc.GetArray("l").ToJson()));
    }
}
