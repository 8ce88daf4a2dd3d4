using System.Text.Json.Serialization;

namespace Interview.Web.Features.Media;

/// <summary>An <c>RTCSessionDescriptionInit</c>: <paramref name="Type"/> is offer, answer, pranswer or rollback.</summary>
public sealed record SessionDescription(string Type, string Sdp);

/// <summary>An <c>RTCIceCandidateInit</c>. An empty <paramref name="Candidate"/> marks the end of candidates.</summary>
public sealed record IceCandidate(string Candidate, string? SdpMid, int? SdpMLineIndex, string? UsernameFragment);

/// <summary>
/// A signaling message from the caller to one participant of the same room: a description or a candidate
/// (exactly one of them), or neither with <paramref name="Bye"/> to tell the peer this side closed its connection.
/// </summary>
public sealed record SignalRequest(string To, SessionDescription? Description, IceCandidate? Candidate, bool Bye = false);

/// <summary>A relayed signaling message as the addressed participant receives it.</summary>
public sealed record Signal(string From, SessionDescription? Description, IceCandidate? Candidate, bool Bye);

/// <summary>What a participant publishes about its media; everyone in the room sees it (muted icons, screen, recording).</summary>
public sealed record MediaState(bool Mic, bool Camera, bool Screen, bool Recording);

/// <summary>
/// A participant taking part in the call, with its published media state. <paramref name="Resumed"/> (in
/// MediaPeerJoined) says it came back after its hub connection dropped: peer connections that still work are kept.
/// <paramref name="Role"/> (interviewer | candidate | observer) lets a candidate's page leave out the tiles of
/// observers whose microphone is off.
/// </summary>
public sealed record MediaPeer(string ParticipantId, string DisplayName, MediaState State, bool Resumed = false, string Role = "candidate");

/// <summary>Enter the call. <paramref name="Resume"/>: this tab was in the call before its hub connection dropped.</summary>
public sealed record JoinMediaRequest(MediaState State, bool Resume);

/// <summary>One <c>RTCIceServer</c> for the browser.</summary>
public sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);

/// <summary>
/// Answer to <c>JoinMedia</c>: ICE servers (with this participant's TURN credentials), the peers already in the
/// call (the caller offers to each of them), the file size limits, the ICE transport policy (all | relay) and the
/// caller's own role.
/// </summary>
public sealed record MediaWelcome(string ParticipantId, IReadOnlyList<IceServer> IceServers, IReadOnlyList<MediaPeer> Peers, long MaxFileBytes, long RelayMaxFileBytes,
    string IceTransportPolicy = "all", string SelfRole = "candidate");

/// <summary>
/// One file-transfer message relayed through the server (no direct path between the two browsers): the same
/// frames as on the data channel (docs/protocol.md), a control message as <paramref name="Text"/> or a chunk frame
/// as <paramref name="Frame"/>.
/// </summary>
public sealed record FileRelayRequest(string To, string? Text, byte[]? Frame);

/// <summary>A relayed file-transfer message as the addressed participant receives it.</summary>
public sealed record FileRelay(string From, string? Text, byte[]? Frame);

/// <summary>Why a signaling message was not relayed. Travels by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalStatus>))]
public enum SignalStatus
{
    /// <summary>Relayed to the addressed participant's current connection.</summary>
    Relayed = 0,
    /// <summary>No such participant in the caller's room, or it is not connected right now.</summary>
    UnknownPeer = 1,
}
