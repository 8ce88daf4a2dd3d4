using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Interview.Web.Features.Proctoring;

/// <summary>What an exam pass grants: observing one test, as a named observer, until it expires.</summary>
public sealed record ExamPassClaims(string TestId, string Name, string? UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// Observer passes for a test's dashboard (<c>/exam/{testId}?pass=…</c>): <c>base64url(json) "." base64url(mac)</c>,
/// where mac = HMAC-SHA256(key, "exam-pass." + base64url(json)). The purpose prefix keeps the MAC apart from any
/// other token signed with the same key. Passes expire; they are not stored.
/// </summary>
public sealed class ExamPasses(byte[] key, TimeProvider time)
{
    private const string Purpose = "exam-pass.";

    public string Mint(string testId, string name, string? userId, TimeSpan lifetime)
    {
        if (!TestIds.IsValid(testId)) throw new ArgumentException("Not a test id.", nameof(testId));
        var claims = new Payload(testId, name, userId, time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds());
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        return body + "." + Base64Url(Mac(body));
    }

    /// <summary>The claims when the pass is genuine, unexpired and for <paramref name="testId"/>; else null.</summary>
    public ExamPassClaims? Verify(string? pass, string testId)
    {
        if (pass is not { Length: > 0 and < 2048 } || pass.Split('.') is not [var body, var mac]) return null;
        byte[] given;
        try { given = FromBase64Url(mac); }
        catch (FormatException) { return null; }
        if (!CryptographicOperations.FixedTimeEquals(given, Mac(body))) return null;
        Payload? payload;
        try { payload = JsonSerializer.Deserialize<Payload>(FromBase64Url(body)); }
        catch (Exception e) when (e is FormatException or JsonException) { return null; }
        if (payload is null || payload.T != testId || string.IsNullOrWhiteSpace(payload.N)) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.E);
        return expires <= time.GetUtcNow() ? null : new ExamPassClaims(payload.T, payload.N, payload.U, expires);
    }

    private byte[] Mac(string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Purpose + body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }

    private sealed record Payload(string T, string N, string? U, long E);
}
