using System.Text;
using Interview.Crdt.Encoding;

namespace Interview.Crdt.Types;

/// <summary>
/// XML types are decoded and re-encoded losslessly so documents that use them survive a round trip; they have
/// no editing API here. Type refs: element 3, fragment 4, hook 5, text 6.
/// </summary>
public sealed class YXmlFragment : AbstractType
{
    internal const int TypeRefNumber = 4;
    internal override int TypeRef => TypeRefNumber;
    public override object? ToJson() => XmlChildren(this);

    internal static string XmlChildren(AbstractType t)
    {
        var sb = new StringBuilder();
        foreach (var v in t.ListToArray()) sb.Append(v is AbstractType a ? a.ToJson() : v);
        return sb.ToString();
    }
}

/// <summary>An XML element with a node name (type ref 3): attributes in the map, children in the list.</summary>
public sealed class YXmlElement(string nodeName) : AbstractType
{
    internal const int TypeRefNumber = 3;
    internal override int TypeRef => TypeRefNumber;
    public string NodeName { get; } = nodeName;

    internal override void WriteType(UpdateEncoderV1 encoder)
    {
        encoder.WriteTypeRef(TypeRef);
        encoder.WriteKey(NodeName);
    }

    public override object? ToJson()
    {
        var sb = new StringBuilder().Append('<').Append(NodeName);
        foreach (var (k, item) in Map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (!item.Deleted) sb.Append(' ').Append(k).Append("=\"").Append(YMap.LastValue(item)).Append('"');
        return sb.Append('>').Append(YXmlFragment.XmlChildren(this)).Append("</").Append(NodeName).Append('>').ToString();
    }
}

/// <summary>An XML hook (type ref 5): a map with a hook name.</summary>
public sealed class YXmlHook(string hookName) : AbstractType
{
    internal const int TypeRefNumber = 5;
    internal override int TypeRef => TypeRefNumber;
    public string HookName { get; } = hookName;

    internal override void WriteType(UpdateEncoderV1 encoder)
    {
        encoder.WriteTypeRef(TypeRef);
        encoder.WriteKey(HookName);
    }

    public override object? ToJson() => YMap.MapToJson(this);
}

/// <summary>XML text (type ref 6): text with formatting.</summary>
public sealed class YXmlText : YText
{
    internal new const int TypeRefNumber = 6;
    internal override int TypeRef => TypeRefNumber;
}
