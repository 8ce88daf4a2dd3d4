using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Interview.Crdt.Encoding;

/// <summary>JavaScript <c>undefined</c>, distinct from <c>null</c> in lib0's any encoding.</summary>
public sealed class Undefined
{
    public static readonly Undefined Value = new();
    private Undefined() { }
    public override string ToString() => "undefined";
}

/// <summary>
/// lib0 <c>any</c> values in C#: null, <see cref="Undefined"/>, double (all JS numbers; int/long/float accepted
/// on write), <see cref="BigInteger"/> (bigint), bool, string, byte[], IList (arrays), IDictionary&lt;string, object?&gt;
/// (objects; decoded as <see cref="Dictionary{TKey,TValue}"/> in wire order). Also renders them as JSON.stringify does.
/// </summary>
public static class AnyValue
{
    /// <summary>Deepest array/object nesting accepted when decoding.</summary>
    public const int MaxDepth = 256;

    private const byte TUndefined = 127, TNull = 126, TInt = 125, TF32 = 124, TF64 = 123, TBigInt = 122,
        TFalse = 121, TTrue = 120, TString = 119, TObject = 118, TArray = 117, TBytes = 116;

    internal static void Write(VarWriter w, object? data, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException("value nested too deeply");
        switch (data)
        {
            case null: w.WriteByte(TNull); break;
            case Undefined: w.WriteByte(TUndefined); break;
            case string s: w.WriteByte(TString); w.WriteVarString(s); break;
            case bool b: w.WriteByte(b ? TTrue : TFalse); break;
            case double d: WriteNumber(w, d); break;
            case int i: WriteNumber(w, i); break;
            case long l: WriteNumber(w, l); break;
            case float f: WriteNumber(w, f); break;
            case uint u: WriteNumber(w, u); break;
            case BigInteger bi: w.WriteByte(TBigInt); w.WriteBigInt64((long)bi); break;
            case byte[] bytes: w.WriteByte(TBytes); w.WriteVarUint8Array(bytes); break;
            case IDictionary<string, object?> obj:
                w.WriteByte(TObject);
                w.WriteVarUint((ulong)obj.Count);
                foreach (var key in JsKeyOrder(obj.Keys))
                {
                    w.WriteVarString(key);
                    Write(w, obj[key], depth + 1);
                }
                break;
            case IList list:
                w.WriteByte(TArray);
                w.WriteVarUint((ulong)list.Count);
                foreach (var item in list) Write(w, item, depth + 1);
                break;
            default: throw new ArgumentException($"cannot encode a {data.GetType().Name} as a Yjs value");
        }
    }

    private static void WriteNumber(VarWriter w, double d)
    {
        if (double.IsInteger(d) && Math.Abs(d) <= int.MaxValue) { w.WriteByte(TInt); w.WriteVarInt(d); }
        else if ((double)(float)d == d) { w.WriteByte(TF32); w.WriteFloat32((float)d); }
        else { w.WriteByte(TF64); w.WriteFloat64(d); }
    }

    internal static object? Read(VarReader r, int depth)
    {
        if (depth > MaxDepth) throw new CrdtFormatException("value nested too deeply");
        switch (r.ReadByte())
        {
            case TUndefined: return Undefined.Value;
            case TNull: return null;
            case TInt: return r.ReadVarInt();
            case TF32: return (double)r.ReadFloat32();
            case TF64: return r.ReadFloat64();
            case TBigInt: return new BigInteger(r.ReadBigInt64());
            case TFalse: return false;
            case TTrue: return true;
            case TString: return r.ReadVarString();
            case TObject:
            {
                var n = r.ReadCount();
                var obj = new Dictionary<string, object?>(Math.Min(n, 64));
                for (var i = 0; i < n; i++)
                {
                    var key = r.ReadVarString();
                    obj[key] = Read(r, depth + 1);
                }
                return obj;
            }
            case TArray:
            {
                var n = r.ReadCount();
                var arr = new List<object?>(Math.Min(n, 64));
                for (var i = 0; i < n; i++) arr.Add(Read(r, depth + 1));
                return arr.ToArray();
            }
            case TBytes: return r.ReadVarUint8Array();
            default: throw new CrdtFormatException("unknown any type");
        }
    }

    /// <summary>Own-key order of a JS object: array-index keys ascending, then the rest in insertion order.</summary>
    internal static IEnumerable<string> JsKeyOrder(IEnumerable<string> keys)
    {
        List<(uint, string)>? indexKeys = null;
        List<string> rest = [];
        foreach (var k in keys)
        {
            if (IsArrayIndex(k, out var idx)) (indexKeys ??= []).Add((idx, k));
            else rest.Add(k);
        }
        if (indexKeys is null) return rest;
        indexKeys.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return indexKeys.Select(t => t.Item2).Concat(rest);
    }

    private static bool IsArrayIndex(string k, out uint idx)
    {
        idx = 0;
        if (k.Length == 0 || k.Length > 10 || (k.Length > 1 && k[0] == '0')) return false;
        foreach (var c in k) if (c < '0' || c > '9') return false;
        if (!ulong.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v >= uint.MaxValue) return false;
        idx = (uint)v;
        return true;
    }

    /// <summary>JSON.stringify of a value (types already converted by their ToJson).</summary>
    public static string ToJson(object? value)
    {
        var sb = new StringBuilder();
        WriteJson(sb, value, 0);
        return sb.ToString();
    }

    internal static void WriteJson(StringBuilder sb, object? value, int depth)
    {
        if (depth > 4 * MaxDepth) throw new InvalidOperationException("value nested too deeply");
        switch (value)
        {
            case null or Undefined: sb.Append("null"); break;
            case string s: WriteJsonString(sb, s); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(double.IsFinite(d) ? FormatNumber(d) : "null"); break;
            case int or long or float or uint: sb.Append(FormatNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture))); break;
            case BigInteger bi: sb.Append(bi.ToString(CultureInfo.InvariantCulture)); break;
            case byte[] bytes:
                sb.Append('{');
                for (var i = 0; i < bytes.Length; i++) sb.Append(i == 0 ? "" : ",").Append('"').Append(i).Append("\":").Append(bytes[i]);
                sb.Append('}');
                break;
            case IDictionary<string, object?> obj:
            {
                sb.Append('{');
                var first = true;
                foreach (var key in JsKeyOrder(obj.Keys))
                {
                    var v = obj[key];
                    if (v is Undefined) continue;
                    if (!first) sb.Append(',');
                    first = false;
                    WriteJsonString(sb, key);
                    sb.Append(':');
                    WriteJson(sb, v, depth + 1);
                }
                sb.Append('}');
                break;
            }
            case IList list:
            {
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    WriteJson(sb, list[i], depth + 1);
                }
                sb.Append(']');
                break;
            }
            default: sb.Append("null"); break;
        }
    }

    internal static void WriteJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); }
                    else if (char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Number.prototype.toString(): shortest round-trip digits in JavaScript's layout.</summary>
    public static string FormatNumber(double d)
    {
        if (d == 0) return "0";
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        // Extract digits and exponent from the shortest form.
        var neg = shortest[0] == '-';
        var body = neg ? shortest[1..] : shortest;
        var exp = 0;
        var eIdx = body.IndexOfAny(['E', 'e']);
        if (eIdx >= 0) { exp = int.Parse(body[(eIdx + 1)..], CultureInfo.InvariantCulture); body = body[..eIdx]; }
        var dot = body.IndexOf('.');
        string digits;
        int n;
        if (dot >= 0) { digits = body[..dot] + body[(dot + 1)..]; n = dot + exp; }
        else { digits = body; n = body.Length + exp; }
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; n--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var k = digits.Length;
        var sb = new StringBuilder();
        if (neg) sb.Append('-');
        if (k <= n && n <= 21) sb.Append(digits).Append('0', n - k);
        else if (0 < n && n <= 21) sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        else if (-6 < n && n <= 0) sb.Append("0.").Append('0', -n).Append(digits);
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1) sb.Append('.').Append(digits, 1, k - 1);
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e));
        }
        return sb.ToString();
    }
}
