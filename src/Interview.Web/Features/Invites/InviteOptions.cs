using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Features.Invites;

/// <summary>Invite links, section <c>Invites</c> (environment: <c>INTERVIEW_Invites__SigningKey</c>, …).</summary>
public sealed class InviteOptions
{
    public const string Section = "Invites";

    /// <summary>
    /// HMAC-SHA256 key that signs invite tokens, base64 (at least 32 bytes). When empty a random key is generated
    /// once and kept in <c>invite-signing.key</c> in the data directory. Changing it invalidates every invite.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an invite is valid when its creator does not say. Default 72 h.</summary>
    [Range(0.01, 24 * 365)]
    public double DefaultLifetimeHours { get; set; } = 72;

    /// <summary>Longest lifetime a creator may choose. Default 30 days.</summary>
    [Range(0.01, 24 * 365)]
    public double MaxLifetimeHours { get; set; } = 30 * 24;

    /// <summary>Invites a room may hold (revoked and expired ones included). Default 500.</summary>
    [Range(1, 100_000)]
    public int MaxInvitesPerRoom { get; set; } = 500;
}
