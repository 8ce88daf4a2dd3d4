using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Features.Media;

/// <summary>
/// WebRTC settings, section <c>Media</c> (environment: <c>INTERVIEW_Media__TurnSecret</c>,
/// <c>INTERVIEW_Media__IceServers__0__Urls__0</c>, …). With nothing configured the browsers use host candidates only,
/// which is enough on one machine or one LAN (and keeps tests off public STUN servers).
/// </summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>STUN/TURN servers sent to every browser as they are (static credentials, if any). Default: none.</summary>
    public List<IceServerOptions> IceServers { get; set; } = [];

    /// <summary>
    /// TURN URLs (e.g. <c>turn:turn.example.com:3478?transport=udp</c>) that get per-participant, time-limited
    /// credentials minted with <see cref="TurnSecret"/> (coturn <c>use-auth-secret</c>). Default: none.
    /// </summary>
    public List<string> TurnUrls { get; set; } = [];

    /// <summary>coturn's <c>static-auth-secret</c>. Required when <see cref="TurnUrls"/> is set.</summary>
    public string? TurnSecret { get; set; }

    /// <summary>
    /// Which ICE candidates browsers may use, sent to them as <c>RTCConfiguration.iceTransportPolicy</c>: <c>all</c>
    /// (default) or <c>relay</c> (only TURN relays: hides participants' IP addresses from each other, and lets a test
    /// prove that a call goes through the TURN server). <c>relay</c> needs TURN servers.
    /// </summary>
    [RegularExpression("^(all|relay)$", ErrorMessage = "Media:IceTransportPolicy is all or relay.")]
    public string IceTransportPolicy { get; set; } = "all";

    /// <summary>Lifetime of minted TURN credentials. Default 12 h (a credential is checked when an allocation starts).</summary>
    [Range(60, 7 * 24 * 3600)]
    public int TurnCredentialSeconds { get; set; } = 12 * 3600;

    /// <summary>Largest file sent peer to peer over a data channel. Default 2 GiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Largest file relayed through the server when two browsers have no direct path (the bytes then cross the
    /// hub in 32 KiB pieces, within the per-connection call rate). Default 20 MiB; 0 turns the relay off.
    /// </summary>
    [Range(0, 1024L * 1024 * 1024)]
    public long RelayMaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Largest SDP accepted in one signaling message. Default 32 KiB (a 6-peer offer is ~6–10 KiB).</summary>
    [Range(1024, 60 * 1024)]
    public int MaxSdpChars { get; set; } = 32 * 1024;
}

/// <summary>One ICE server entry as <c>RTCIceServer</c> expects it.</summary>
public sealed class IceServerOptions
{
    [MinLength(1)]
    public List<string> Urls { get; set; } = [];
    public string? Username { get; set; }
    public string? Credential { get; set; }
}
