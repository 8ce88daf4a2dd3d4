// One one-way stream from the candidate to one observer: a send-only RTCPeerConnection carrying one video track
// (camera or screen). The candidate always offers and the observer always answers, so there is no glare to
// resolve. It starts by itself and retries until it connects: each attempt is a fresh peer connection with a new
// link number (the observer drops the old one when an offer with a new number arrives). An attempt is followed by
// another, with back-off, when no answer came within RETRY_MS, when it is answered but still not connected after
// CONNECT_MS (a loaded machine can take seconds for ICE: an attempt making progress is not thrown away early), when
// it fails or stays disconnected for DISCONNECTED_GRACE_MS, or when the server does not know the observer.
// dispose() closes everything and releases the track.

const RETRY_MS = 4000;
const CONNECT_MS = 10000;
const MAX_RETRY_MS = 15000;
const DISCONNECTED_GRACE_MS = 2000;

export class StreamLink {
  watcherId;
  kind;
  link = 0;
  attempts = 0;
  pc = null;

  #sources;
  #iceServers;
  #send;
  #onState;
  #track = null;
  #timer = null;
  #answered = false;
  #queue = Promise.resolve();
  #closed = false;

  /**
   * @param options.watcherId the observer's watcher id
   * @param options.kind 'camera' | 'screen'
   * @param options.sources StreamSources (acquire/release of the capture track)
   * @param options.iceServers RTCIceServer[]
   * @param options.send (link, message) => Promise<'Relayed' | 'UnknownPeer'>
   * @param options.onState (state) => void, state = 'connecting' | 'live' | 'retrying' | 'failed'
   */
  constructor({ watcherId, kind, sources, iceServers, send, onState }) {
    this.watcherId = watcherId;
    this.kind = kind;
    this.#sources = sources;
    this.#iceServers = iceServers;
    this.#send = send;
    this.#onState = onState;
    this.#attempt();
  }

  get state() {
    if (this.pc?.connectionState === 'connected') return 'live';
    return this.attempts > 1 ? 'retrying' : 'connecting';
  }

  async #attempt() {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.attempts++;
    const link = ++this.link;
    this.#answered = false;
    this.#closePc();
    this.#onState?.(this.state);
    // A retry waits longer each time (4 s, 6 s, 9 s, … up to 15 s) for the attempt to connect.
    this.#schedule(Math.min(RETRY_MS * 1.5 ** (this.attempts - 1), MAX_RETRY_MS));
    try {
      if (!this.#track || this.#track.readyState !== 'live') {
        if (this.#track) this.#sources.release(this.kind);
        this.#track = null;
        const track = await this.#sources.acquire(this.kind);
        if (this.#closed) { this.#sources.release(this.kind); return; }
        this.#track = track;
      }
      if (link !== this.link) return;
      const pc = this.pc = new RTCPeerConnection({ iceServers: this.#iceServers, bundlePolicy: 'max-bundle' });
      pc.addTransceiver(this.#track, { direction: 'sendonly', streams: [new MediaStream([this.#track])] });
      pc.onicecandidate = ({ candidate }) => { if (candidate && link === this.link) this.#signal(link, { candidate: candidate.toJSON() }); };
      pc.onconnectionstatechange = () => this.#onConnectionState(pc, link);
      await pc.setLocalDescription(await pc.createOffer());
      if (link !== this.link) return;
      const status = await this.#signal(link, { description: pc.localDescription.toJSON() });
      if (status === 'UnknownPeer' && link === this.link) this.#schedule(RETRY_MS / 4);
    } catch (error) {
      console.warn(`stream ${this.kind} → ${this.watcherId}:`, error);
      if (link === this.link) this.#schedule(RETRY_MS / 2);
    }
  }

  /** An answer, candidate or bye from the observer, in arrival order. Messages of an older attempt are ignored. */
  receive(message) {
    this.#queue = this.#queue.then(() => this.#receive(message));
    return this.#queue;
  }

  async #receive({ link, description, candidate, bye }) {
    if (this.#closed || link !== this.link || !this.pc) return;
    try {
      if (bye) this.#attempt();
      else if (description?.type === 'answer' && this.pc.signalingState === 'have-local-offer') {
        await this.pc.setRemoteDescription(description);
        if (!this.#answered && link === this.link) {
          this.#answered = true;
          if (this.pc.connectionState !== 'connected') this.#schedule(CONNECT_MS);
        }
      } else if (candidate) await this.pc.addIceCandidate(candidate);
    } catch (error) {
      console.warn(`stream ${this.kind} → ${this.watcherId}:`, error);
    }
  }

  #onConnectionState(pc, link) {
    if (link !== this.link) return;
    const state = pc.connectionState;
    if (state === 'connected') { clearTimeout(this.#timer); this.attempts = 1; }
    if (state === 'failed') this.#schedule(0);
    if (state === 'disconnected') this.#schedule(DISCONNECTED_GRACE_MS);
    this.#onState?.(this.state);
  }

  #schedule(ms) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => { if (this.pc?.connectionState !== 'connected') this.#attempt(); }, ms);
  }

  #signal(link, message) {
    return Promise.resolve(this.#send(link, message)).catch((error) => { console.warn('exam signal:', error); return 'UnknownPeer'; });
  }

  #closePc() {
    if (!this.pc) return;
    this.pc.onicecandidate = this.pc.onconnectionstatechange = null;
    this.pc.close();
    this.pc = null;
  }

  dispose() {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#closePc();
    if (this.#track) this.#sources.release(this.kind);
    this.#track = null;
  }
}
