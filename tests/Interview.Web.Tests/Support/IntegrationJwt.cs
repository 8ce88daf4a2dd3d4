using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interview.Web.Tests.Support;

/// <summary>Real HS256 tokens for the integration API (<c>/api/v1</c>), and the host settings that accept them.</summary>
public static class IntegrationJwt
{
    public const string Key = "integration-test-signing-key-0123456789abcdef";
    public const string Issuer = "seed-system";
    public const string Audience = "interview-api";

    public static Dictionary<string, string> Settings() => new()
    {
        ["Integration:Jwt:Issuer"] = Issuer,
        ["Integration:Jwt:Audience"] = Audience,
        ["Integration:Jwt:SigningKey"] = Key,
    };

    public static string Token(string role = "interviewer", string key = Key, string issuer = Issuer, string audience = Audience,
        DateTime? expires = null, string? testId = null)
    {
        var claims = new List<Claim> { new("userId", "seed-admin"), new("role", role) };
        if (testId is not null) claims.Add(new("testId", testId));
        // Theory data is made when tests are discovered: a token must outlive the whole test run, not just its test.
        expires ??= DateTime.UtcNow.AddHours(3);
        var notBefore = expires.Value.AddHours(-4);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
