namespace Interview.Web.Features.Media;

/// <summary>Server→client calls of the call (WebRTC signaling and media state). Part of the room hub's client.</summary>
public interface ISignalingClient
{
    /// <summary>A description or ICE candidate from <see cref="Signal.From"/>, addressed to this connection only.</summary>
    Task Signal(Signal signal);

    /// <summary>Someone joined the call (sent to the rest of the room): expect their offer.</summary>
    Task MediaPeerJoined(MediaPeer peer);

    /// <summary>Someone left the call or the room: close the connection to them.</summary>
    Task MediaPeerLeft(string participantId);

    /// <summary>A file-transfer message relayed by the server from <see cref="FileRelay.From"/>.</summary>
    Task FileRelayed(FileRelay relay);

    /// <summary>A participant's mic, camera, screen or recording state changed.</summary>
    Task MediaStateChanged(MediaPeer peer);
}
