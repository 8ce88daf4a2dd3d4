// Call signaling over the room hub (RoomHub.Signaling.cs): joining the call, media state, and descriptions and
// ICE candidates addressed to one participant. One job: turn hub events into callbacks and back; dispose() removes
// every handler it registered on the shared connection.

/** Hub method names, server→client (ISignalingClient) and client→server (RoomHub.Signaling). */
export const HubEvents = Object.freeze({
  Signal: 'Signal', MediaPeerJoined: 'MediaPeerJoined', MediaPeerLeft: 'MediaPeerLeft',
  MediaStateChanged: 'MediaStateChanged', ParticipantLeft: 'ParticipantLeft',
});

export class Signaling {
  #connection;
  #handlers = [];

  /**
   * @param connection the room's SignalR HubConnection
   * @param events { signal(from, {description, candidate, bye}), peerJoined(peer), peerLeft(id), stateChanged(peer) }
   */
  constructor(connection, events) {
    this.#connection = connection;
    this.#listen(HubEvents.Signal, (s) => events.signal(s.From, {
      description: s.Description ? { type: s.Description.Type, sdp: s.Description.Sdp } : null,
      candidate: s.Candidate ? {
        candidate: s.Candidate.Candidate, sdpMid: s.Candidate.SdpMid ?? null,
        sdpMLineIndex: s.Candidate.SdpMLineIndex ?? null, usernameFragment: s.Candidate.UsernameFragment ?? null,
      } : null,
      bye: !!s.Bye,
    }));
    this.#listen(HubEvents.MediaPeerJoined, (p) => events.peerJoined(peerFromWire(p)));
    this.#listen(HubEvents.MediaPeerLeft, (id) => events.peerLeft(id));
    this.#listen(HubEvents.ParticipantLeft, (id) => events.peerLeft(id));
    this.#listen(HubEvents.MediaStateChanged, (p) => events.stateChanged(peerFromWire(p)));
  }

  #listen(method, handler) {
    this.#connection.on(method, handler);
    this.#handlers.push([method, handler]);
  }

  /** Enters the call: { participantId, iceServers, peers, maxFileBytes, relayMaxFileBytes, iceTransportPolicy, selfRole }. */
  async join(state, { resume = false } = {}) {
    const welcome = await this.#connection.invoke('JoinMedia', { State: stateToWire(state), Resume: resume });
    return {
      participantId: welcome.ParticipantId,
      iceServers: welcome.IceServers.map((s) => ({ urls: s.Urls, ...(s.Username ? { username: s.Username, credential: s.Credential } : {}) })),
      peers: welcome.Peers.map(peerFromWire),
      maxFileBytes: Number(welcome.MaxFileBytes),
      relayMaxFileBytes: Number(welcome.RelayMaxFileBytes),
      iceTransportPolicy: welcome.IceTransportPolicy === 'relay' ? 'relay' : 'all',
      selfRole: welcome.SelfRole ?? 'candidate',
    };
  }

  leave() { return this.#connection.invoke('LeaveMedia').catch(() => {}); }

  setState(state) { return this.#connection.invoke('SetMediaState', stateToWire(state)).catch(() => {}); }

  /** Sends one of { description } | { candidate } | { bye: true } to participant `to`. Resolves to 'Relayed' or 'UnknownPeer'. */
  send(to, { description = null, candidate = null, bye = false }) {
    return this.#connection.invoke('Signal', {
      To: to,
      Description: description ? { Type: description.type, Sdp: description.sdp ?? '' } : null,
      Candidate: candidate ? {
        Candidate: candidate.candidate, SdpMid: candidate.sdpMid ?? null,
        SdpMLineIndex: candidate.sdpMLineIndex ?? null, UsernameFragment: candidate.usernameFragment ?? null,
      } : null,
      Bye: bye,
    });
  }

  dispose() {
    for (const [method, handler] of this.#handlers) this.#connection.off(method, handler);
    this.#handlers = [];
  }
}

function stateToWire(s) { return { Mic: !!s.mic, Camera: !!s.camera, Screen: !!s.screen, Recording: !!s.recording }; }

function peerFromWire(p) {
  return {
    id: p.ParticipantId, name: p.DisplayName, resumed: !!p.Resumed, role: p.Role ?? 'candidate',
    state: { mic: p.State.Mic, camera: p.State.Camera, screen: p.State.Screen, recording: p.State.Recording },
  };
}
