using Interview.Crdt.Encoding;

namespace Interview.Crdt.Structs;

/// <summary>
/// Text (ref 4). Held in a growable char buffer so that merging typed characters into one item is amortised O(1).
/// Length counts UTF-16 code units, as yjs does.
/// </summary>
internal sealed class ContentString : ItemContent
{
    public const int RefNumber = 4;

    private char[] _chars;
    private int _len;

    public ContentString(string s)
    {
        _chars = s.ToCharArray();
        _len = _chars.Length;
    }

    private ContentString(char[] chars, int len)
    {
        _chars = chars;
        _len = len;
    }

    public override ItemContent Copy() => new ContentString(ToString());
    public override int Length => _len;
    public override bool Countable => true;
    public override int Ref => RefNumber;

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _len);

    public override string ToString() => new(_chars, 0, _len);

    public override ItemContent Splice(int offset)
    {
        var rightLen = _len - offset;
        var right = new char[Math.Max(rightLen, 4)];
        Array.Copy(_chars, offset, right, 0, rightLen);
        _len = offset;
        // Do not let the left part keep a large buffer it no longer uses.
        if (_chars.Length - offset > 64) Array.Resize(ref _chars, offset + 8);
        // Splitting a surrogate pair would make an invalid document: both halves become U+FFFD, as in yjs.
        if (offset > 0 && char.IsHighSurrogate(_chars[offset - 1]))
        {
            _chars[offset - 1] = '\uFFFD';
            right[0] = '\uFFFD';
        }
        return new ContentString(right, rightLen);
    }

    public override bool MergeWith(ItemContent right)
    {
        var r = (ContentString)right;
        if (_len + r._len > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _len + r._len));
        Array.Copy(r._chars, 0, _chars, _len, r._len);
        _len += r._len;
        return true;
    }

    public override void Write(UpdateEncoderV1 encoder, int offset) =>
        encoder.WriteString(offset == 0 ? ToString() : new string(_chars, offset, _len - offset));

    public static ContentString Read(UpdateDecoderV1 decoder)
    {
        var n = decoder.Rest.ReadVarUint();
        if (n > (ulong)decoder.Rest.Remaining) throw new CrdtFormatException("unexpected end of data");
        var bytes = decoder.Rest.ReadBytes((int)n);
        var chars = new char[System.Text.Encoding.UTF8.GetCharCount(bytes)];
        System.Text.Encoding.UTF8.GetChars(bytes, chars);
        if (chars.Length == 0) throw new CrdtFormatException("item with empty content");
        return new ContentString(chars, chars.Length);
    }

    public override void GetContent(List<object?> into)
    {
        for (var i = 0; i < _len; i++) into.Add(_chars[i].ToString());
    }
}
