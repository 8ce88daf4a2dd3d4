// The observer's end of one one-way stream: a receive-only RTCPeerConnection answering the candidate's offers.
// One per (candidate, kind, link number); a new link number from the candidate (a retry) replaces it.

export class ObservedLink {
  candidateId;
  kind;
  link;
  stream = new MediaStream();
  pc;

  #send;
  #onTrack;
  #queue = Promise.resolve();
  #closed = false;

  /** @param options.send (message) => Promise @param options.onTrack (stream) => void */
  constructor({ candidateId, kind, link, iceServers, send, onTrack, onState }) {
    this.candidateId = candidateId;
    this.kind = kind;
    this.link = link;
    this.#send = send;
    this.#onTrack = onTrack;
    const pc = this.pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle' });
    pc.onicecandidate = ({ candidate }) => { if (candidate) this.#signal({ candidate: candidate.toJSON() }); };
    pc.ontrack = ({ track }) => {
      for (const old of this.stream.getTracks()) this.stream.removeTrack(old);
      this.stream.addTrack(track);
      this.#onTrack?.(this.stream);
    };
    pc.onconnectionstatechange = () => onState?.(pc.connectionState);
  }

  /** An offer or candidate from the candidate, handled in arrival order. */
  receive(message) {
    this.#queue = this.#queue.then(() => this.#receive(message)).catch((error) => console.warn(`observed ${this.kind}:`, error));
    return this.#queue;
  }

  async #receive({ description, candidate }) {
    if (this.#closed) return;
    if (description?.type === 'offer') {
      await this.pc.setRemoteDescription(description);
      await this.pc.setLocalDescription();
      this.#signal({ description: this.pc.localDescription.toJSON() });
    } else if (candidate) {
      await this.pc.addIceCandidate(candidate);
    }
  }

  #signal(message) {
    if (!this.#closed) Promise.resolve(this.#send(message)).catch((error) => console.warn('exam signal:', error));
  }

  dispose() {
    if (this.#closed) return;
    this.#closed = true;
    this.pc.onicecandidate = this.pc.ontrack = this.pc.onconnectionstatechange = null;
    this.pc.close();
    for (const track of this.stream.getTracks()) { track.stop(); this.stream.removeTrack(track); }
  }
}
