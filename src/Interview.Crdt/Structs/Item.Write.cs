using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

internal sealed partial class Item
{
    private const byte HasOrigin = 0x80, HasRightOrigin = 0x40, HasParentSub = 0x20;

    /// <summary>
    /// info byte (content ref | origin 0x80 | right origin 0x40 | parentSub 0x20), origins, then the parent only
    /// when neither origin is written, then the content from <paramref name="offset"/>.
    /// </summary>
    public override void Write(UpdateEncoderV1 encoder, int offset) => Write(encoder, offset, ParentSub);

    /// <summary>
    /// Writes the item as yjs writes a struct it decoded from an update (mergeUpdates): such a struct only knows
    /// its parentSub when it was written without origins.
    /// </summary>
    public void WriteAsDecoded(UpdateEncoderV1 encoder, int offset) =>
        Write(encoder, offset, Origin is null && RightOrigin is null ? ParentSub : null);

    private void Write(UpdateEncoderV1 encoder, int offset, string? parentSub)
    {
        Id? origin = offset > 0 ? new Id(Id.Client, Id.Clock + offset - 1) : Origin;
        var info = (byte)((Content.Ref & 0x1f) | (origin is null ? 0 : HasOrigin) | (RightOrigin is null ? 0 : HasRightOrigin)
            | (parentSub is null ? 0 : HasParentSub));
        encoder.WriteInfo(info);
        if (origin is { } o) encoder.WriteId(o);
        if (RightOrigin is { } ro) encoder.WriteId(ro);
        if (origin is null && RightOrigin is null)
        {
            if (ParentType is { } parent)
            {
                if (parent.Item is null)
                {
                    encoder.WriteParentInfo(true);
                    encoder.WriteString(parent.Doc?.FindRootKey(parent) ?? throw new InvalidOperationException("root type without a doc"));
                }
                else
                {
                    encoder.WriteParentInfo(false);
                    encoder.WriteId(parent.Item.Id);
                }
            }
            else if (ParentKey is not null)
            {
                encoder.WriteParentInfo(true);
                encoder.WriteString(ParentKey);
            }
            else if (ParentId is { } pid)
            {
                encoder.WriteParentInfo(false);
                encoder.WriteId(pid);
            }
            else throw new InvalidOperationException("item without a parent");
            if (parentSub is not null) encoder.WriteString(parentSub);
        }
        Content.Write(encoder, offset);
    }

    /// <summary>Reads one item whose info byte was already read (yjs <c>readClientsStructRefs</c>).</summary>
    public static Item Read(UpdateDecoderV1 decoder, Id id, byte info)
    {
        Id? origin = (info & HasOrigin) != 0 ? decoder.ReadId() : null;
        Id? rightOrigin = (info & HasRightOrigin) != 0 ? decoder.ReadId() : null;
        var cantCopyParentInfo = (info & (HasOrigin | HasRightOrigin)) == 0;
        string? parentKey = null;
        Id? parentId = null;
        string? parentSub = null;
        if (cantCopyParentInfo)
        {
            if (decoder.ReadParentInfo()) parentKey = decoder.ReadString();
            else parentId = decoder.ReadId();
            if ((info & HasParentSub) != 0) parentSub = decoder.ReadString();
        }
        var content = ContentRefs.Read(decoder, info);
        // Hostile references that would point at the item itself or later clocks of its own client.
        if ((origin is { } o && o.Client == id.Client && o.Clock >= id.Clock)
            || (rightOrigin is { } r && r.Client == id.Client && r.Clock >= id.Clock)
            || (parentId is { } p && p.Client == id.Client && p.Clock >= id.Clock))
            throw new CrdtFormatException("item refers to a clock of its own client that is not before it");
        if (content.Length == 0) throw new CrdtFormatException("item with empty content");
        return new Item(id, null, origin, null, rightOrigin, null, parentSub, content) { ParentKey = parentKey, ParentId = parentId };
    }
}
