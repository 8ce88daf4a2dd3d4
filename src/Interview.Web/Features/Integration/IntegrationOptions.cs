using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Features.Integration;

/// <summary>
/// The integration API's JWT bearer settings, section <c>Integration:Jwt</c> (environment:
/// <c>INTERVIEW_Integration__Jwt__SigningKey</c>, …). Without a signing key the API answers 401 to every call.
/// </summary>
public sealed class IntegrationJwtOptions
{
    public const string Section = "Integration:Jwt";

    /// <summary>Expected <c>iss</c>. Default <c>interview-integration</c>.</summary>
    [Required]
    public string Issuer { get; set; } = "interview-integration";

    /// <summary>Expected <c>aud</c>. Default <c>interview</c>.</summary>
    [Required]
    public string Audience { get; set; } = "interview";

    /// <summary>HMAC-SHA256 key shared with the outside system: base64 prefixed <c>base64:</c>, or plain text (at least 32 bytes either way).</summary>
    public string? SigningKey { get; set; }

    /// <summary>Tolerance for <c>exp</c> and <c>nbf</c>. Default 30 s.</summary>
    [Range(0, 600)]
    public double ClockSkewSeconds { get; set; } = 30;

    /// <summary>Roles (claim <c>role</c>) allowed to call the API. Default interviewer and admin.</summary>
    public string[] AllowedRoles { get; set; } = ["interviewer", "admin"];

    /// <summary>Origin for the links the API returns (e.g. <c>https://interview.example.com</c>); default: the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The key bytes, or null when none is configured.</summary>
    public byte[]? KeyBytes() => SigningKey switch
    {
        null or "" => null,
        { } key when key.StartsWith("base64:", StringComparison.Ordinal) => Convert.FromBase64String(key["base64:".Length..]),
        { } key => System.Text.Encoding.UTF8.GetBytes(key),
    };
}
