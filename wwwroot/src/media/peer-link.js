// One RTCPeerConnection to one remote participant, negotiated with the perfect-negotiation pattern
// (https://w3c.github.io/webrtc-pc/#perfect-negotiation-example): either side may renegotiate at any time; when
// offers collide the polite side rolls back and answers, the impolite side ignores the other's offer.
// The participant who joins the call later makes the first offer; the other waits for it (up to FIRST_OFFER_WAIT_MS)
// so a normal join needs no rollback. A broken path is repaired with an ICE restart; dispose() closes everything.

const DISCONNECTED_GRACE_MS = 2500;
const FIRST_OFFER_WAIT_MS = 4000;

/** What the UI shows for each RTCPeerConnection.connectionState. */
const SHOWN_STATE = { new: 'connecting', connecting: 'connecting', connected: 'connected', disconnected: 'reconnecting', failed: 'failed', closed: 'closed' };

export class PeerLink {
  /** The remote participant's id. */
  peerId;
  /** Remote audio and video, as one stream for the participant's tile. */
  remoteStream = new MediaStream();
  /** Negotiated data channel (id 0) used for files; see ../files/file-channel.js. */
  dataChannel;
  pc;

  #polite;
  #send;
  #events;
  #makingOffer = false;
  #ignoreOffer = false;
  #settingRemoteAnswer = false;
  #waitingForFirstOffer;
  #queue = Promise.resolve();
  #timers = new Set();
  #closed = false;
  #stream;
  #candidates = 0;
  #noPath = false;

  /**
   * @param options.peerId remote participant id
   * @param options.polite true on exactly one side (the side with the smaller participant id)
   * @param options.initiator true when this side makes the first offer
   * @param options.iceServers RTCIceServer[] from the server (none: host candidates only)
   * @param options.tracks local [track, stream] pairs to send
   * @param options.stream the local stream (for kinds with no track yet: a camera or mic switched off at join)
   * @param options.iceTransportPolicy 'all' | 'relay' (relay: only TURN candidates, Media:IceTransportPolicy)
   * @param options.send (message) => Promise, message = { description } | { candidate } | { bye: true }
   * @param options.events { state(shownState), track(), error(err) }
   */
  constructor({ peerId, polite, initiator, iceServers, iceTransportPolicy = 'all', tracks, stream = null, send, events }) {
    this.peerId = peerId;
    this.#polite = polite;
    this.#send = send;
    this.#events = events;
    this.#waitingForFirstOffer = !initiator;
    this.#stream = stream;
    const pc = this.pc = new RTCPeerConnection({ iceServers, iceTransportPolicy, bundlePolicy: 'max-bundle', iceCandidatePoolSize: 1 });
    pc.onnegotiationneeded = () => this.#negotiate();
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) {
        this.#candidates++;
        this.#signal({ candidate: candidate.toJSON() });
      } else if (this.#candidates === 0 && !this.#closed) {
        // Gathering ended without a single local candidate (relay-only with an unreachable TURN server, or one that
        // refused our credentials): no path can exist, and the browser would sit in "connecting" indefinitely.
        this.#noPath = true;
        events.state?.('failed');
      }
    };
    pc.ontrack = ({ track }) => {
      for (const old of this.remoteStream.getTracks()) if (old.kind === track.kind && old !== track) this.remoteStream.removeTrack(old);
      if (!this.remoteStream.getTracks().includes(track)) this.remoteStream.addTrack(track);
      events.track?.();
    };
    pc.onconnectionstatechange = () => this.#onConnectionState();
    this.dataChannel = pc.createDataChannel('files', { negotiated: true, id: 0, ordered: true });
    this.dataChannel.binaryType = 'arraybuffer';
    for (const [track, trackStream] of tracks) pc.addTrack(track, trackStream);
    // A kind this side does not send yet still gets its m-line (when offering), so switching it on later is a
    // replaceTrack, not a renegotiation.
    if (initiator) {
      for (const kind of ['audio', 'video']) {
        if (!tracks.some(([t]) => t.kind === kind)) pc.addTransceiver(kind, { direction: 'sendrecv', streams: stream ? [stream] : [] });
      }
    }
    if (this.#waitingForFirstOffer) {
      this.#later(FIRST_OFFER_WAIT_MS, () => {
        if (!this.#waitingForFirstOffer) return;
        this.#waitingForFirstOffer = false;
        this.#negotiate();
      });
    }
  }

  get state() {
    if (this.#noPath && this.pc.connectionState !== 'connected') return 'failed';
    return SHOWN_STATE[this.pc.connectionState] ?? 'connecting';
  }

  /** Handles a description or candidate from the peer, strictly in arrival order. */
  receive(message) {
    this.#queue = this.#queue.then(() => this.#receive(message)).catch((error) => this.#events.error?.(error));
    return this.#queue;
  }

  async #receive({ description, candidate }) {
    if (this.#closed) return;
    const pc = this.pc;
    if (description) {
      const readyForOffer = !this.#makingOffer && (pc.signalingState === 'stable' || this.#settingRemoteAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      this.#ignoreOffer = !this.#polite && collision;
      if (this.#ignoreOffer) return;
      this.#settingRemoteAnswer = description.type === 'answer';
      await pc.setRemoteDescription(description); // a polite side in collision rolls back implicitly
      this.#settingRemoteAnswer = false;
      if (description.type === 'offer') {
        this.#waitingForFirstOffer = false;
        // m-lines this side has no track for are answered sendrecv too, so a device switched on later is a replaceTrack.
        for (const t of pc.getTransceivers()) if (t.direction === 'recvonly' && !t.stopped) t.direction = 'sendrecv';
        await pc.setLocalDescription();
        this.#signal({ description: pc.localDescription.toJSON() });
      }
    } else if (candidate) {
      try {
        await pc.addIceCandidate(candidate);
      } catch (error) {
        if (!this.#ignoreOffer) throw error;
      }
    }
  }

  async #negotiate() {
    if (this.#closed || this.#waitingForFirstOffer) return;
    try {
      this.#makingOffer = true;
      await this.pc.setLocalDescription();
      this.#signal({ description: this.pc.localDescription.toJSON() });
    } catch (error) {
      this.#events.error?.(error);
    } finally {
      this.#makingOffer = false;
    }
  }

  /** Restarts ICE (new candidates, same media): the repair for a path that failed or stayed disconnected. */
  restartIce() {
    if (this.#closed) return;
    this.#candidates = 0;
    this.#noPath = false;
    this.pc.restartIce();
  }

  /** Replaces the sent track of one kind without renegotiation (device switch, screen share). */
  async replaceTrack(kind, track) {
    const sender = this.pc.getSenders().find((s) => s.track?.kind === kind || (!s.track && this.#senderKind(s) === kind));
    if (sender) await sender.replaceTrack(track);
    else if (track && !this.#closed) this.pc.addTrack(track, ...(this.#stream ? [this.#stream] : [])); // no m-line yet: renegotiates
  }

  #senderKind(sender) {
    return this.pc.getTransceivers().find((t) => t.sender === sender)?.receiver.track?.kind;
  }

  #onConnectionState() {
    const state = this.pc.connectionState;
    this.#events.state?.(this.state);
    if (state === 'failed') this.restartIce();
    if (state === 'disconnected') {
      this.#later(DISCONNECTED_GRACE_MS, () => { if (this.pc.connectionState === 'disconnected') this.restartIce(); });
    }
  }

  #signal(message) {
    if (this.#closed) return;
    this.#send(message)?.catch?.((error) => this.#events.error?.(error));
  }

  #later(ms, fn) {
    const timer = setTimeout(() => { this.#timers.delete(timer); fn(); }, ms);
    this.#timers.add(timer);
  }

  /** Closes the connection; with `bye` the peer is told to drop its side too. Local tracks are not stopped here. */
  dispose({ bye = false } = {}) {
    if (this.#closed) return;
    if (bye) this.#signal({ bye: true });
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.pc.onnegotiationneeded = this.pc.onicecandidate = this.pc.ontrack = this.pc.onconnectionstatechange = null;
    this.dataChannel.close();
    this.pc.close();
    for (const track of this.remoteStream.getTracks()) { track.stop(); this.remoteStream.removeTrack(track); }
  }
}
