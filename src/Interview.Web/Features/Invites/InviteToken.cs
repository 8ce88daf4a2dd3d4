using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Invites;

/// <summary>What an invite grants: joining <paramref name="RoomId"/> as <paramref name="Role"/> until <paramref name="ExpiresAt"/>.
/// A named invite (from the integration API) also fixes the display name and carries the outside system's ids.</summary>
public sealed record InviteClaims(
    string InviteId,
    string RoomId,
    ParticipantRole Role,
    DateTimeOffset ExpiresAt,
    string? DisplayName = null,
    string? UserId = null,
    string? TestId = null);

/// <summary>
/// The token format: <c>base64url(json) "." base64url(HMAC-SHA256(key, "interview-invite.v1." + base64url(json)))</c>,
/// json = <c>{"i":inviteId,"r":roomId,"o":role,"e":expiresUnixSeconds,"n"?:name,"u"?:userId,"t"?:testId}</c>.
/// The signature proves the server minted it; expiry and revocation are checked by <see cref="InviteService"/>.
/// </summary>
public static class InviteToken
{
    private const string Domain = "interview-invite.v1.";
    public const int MaxLength = 2048;

    public static string Sign(InviteClaims claims, byte[] key)
    {
        var body = new TokenBody(claims.InviteId, claims.RoomId, RolePolicy.Name(claims.Role), claims.ExpiresAt.ToUnixTimeSeconds(),
            claims.DisplayName, claims.UserId, claims.TestId);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(body, TokenJson.Default.TokenBody));
        return payload + "." + Base64Url(Mac(payload, key));
    }

    /// <summary>The claims of a token whose signature is valid for <paramref name="key"/>; null when it is malformed or tampered.</summary>
    public static InviteClaims? Read(string? token, byte[] key)
    {
        if (token is not { Length: > 0 and <= MaxLength }) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return null;
        var payload = token[..dot];
        // Compared as canonical text, so no second spelling of the same signature bytes is accepted.
        var expected = Encoding.ASCII.GetBytes(Base64Url(Mac(payload, key)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token[(dot + 1)..]), expected)) return null;
        if (!TryDecode(payload, out var json)) return null;
        try
        {
            var body = JsonSerializer.Deserialize(json, TokenJson.Default.TokenBody);
            if (body is not { I.Length: > 0, R.Length: > 0 } || !RolePolicy.TryParse(body.O, out var role)) return null;
            return new InviteClaims(body.I, body.R, role, DateTimeOffset.FromUnixTimeSeconds(body.E), body.N, body.U, body.T);
        }
        catch (Exception e) when (e is JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static byte[] Mac(string payload, byte[] key) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Domain + payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4);
        try { bytes = Convert.FromBase64String(padded); return true; }
        catch (FormatException) { return false; }
    }

    internal sealed record TokenBody(
        [property: JsonPropertyName("i")] string I,
        [property: JsonPropertyName("r")] string R,
        [property: JsonPropertyName("o")] string O,
        [property: JsonPropertyName("e")] long E,
        [property: JsonPropertyName("n")] string? N,
        [property: JsonPropertyName("u")] string? U,
        [property: JsonPropertyName("t")] string? T);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InviteToken.TokenBody))]
internal sealed partial class TokenJson : JsonSerializerContext;
