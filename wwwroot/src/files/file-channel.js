// File transfer over one RTCDataChannel (the negotiated channel 0 of a PeerLink). Several files may travel at once
// in both directions; each is a numbered transfer, its bytes in binary chunk frames, its control in JSON text
// messages (grammar: docs/protocol.md, "File transfer").
//
// Flow control (backpressure), like LiveKit's FlowControlledDataChannel: a data channel never refuses a send; it
// queues without bound (`bufferedAmount`), and Chrome closes the channel when its send queue overflows (16 MiB).
// So the sender stops when bufferedAmount reaches HIGH_WATER_BYTES and resumes on `bufferedamountlow`, which
// fires when the queue drains to LOW_WATER_BYTES (bufferedAmountLowThreshold). 4 MiB / 1 MiB keeps the SCTP
// association busy on loopback and on real links (≥ a bandwidth-delay product of ~30 Mbit/s × 1 s) while holding
// at most ~4 MiB per peer in memory; frames of 64 KiB stay under every browser's maximum message size.
import { Emitter } from '../media/emitter.js';

export const FRAME_BYTES = 64 * 1024;
export const HEADER_BYTES = 4;
export const CHUNK_BYTES = FRAME_BYTES - HEADER_BYTES;
export const HIGH_WATER_BYTES = 4 * 1024 * 1024;
export const LOW_WATER_BYTES = 1024 * 1024;
/** Bytes read from the file at a time (split into frames). */
const READ_BYTES = 1024 * 1024;
/** Above this size the sender does not hash the whole file up front (the receiver still hashes what arrives). */
const SENDER_HASH_MAX_BYTES = 512 * 1024 * 1024;
/** Progress events at most every this many bytes. */
const PROGRESS_STEP = 256 * 1024;

/** The type of every received file's Blob: the browser downloads it and never renders it. */
const RECEIVED_TYPE = 'application/octet-stream';

/** Control message types (JSON field `t`). */
export const Control = Object.freeze({ Offer: 'offer', End: 'end', Cancel: 'cancel', Done: 'done', Refuse: 'refuse' });

/** One file on its way, either direction. Emits 'change' on progress and state changes. */
export class Transfer extends Emitter {
  constructor({ direction, n, name, size, mime, peerId }) {
    super();
    Object.assign(this, { direction, n, name, size, mime, peerId });
    this.bytes = 0;
    this.state = direction === 'send' ? 'sending' : 'receiving';
    this.error = null;
    this.sha256 = null;
    this.url = null;
    this.cancel = () => {};
  }

  get active() { return this.state === 'sending' || this.state === 'receiving'; }

  set(fields) { Object.assign(this, fields); this.emit('change', this); }
}

export class FileChannel extends Emitter {
  #channel;
  #maxBytes;
  #peerId;
  #nextN = 1;
  #outgoing = new Map();
  #incoming = new Map();
  #roomWaiters = [];
  #openWaiters = [];

  #chunkBytes;
  #highWater;

  /**
   * @param channel an RTCDataChannel, or anything with its send/bufferedAmount/events (relay-channel.js)
   * @param options.maxBytes () => the largest file this side accepts
   * @param options.frameBytes, highWater, lowWater: smaller for the server relay
   */
  constructor(channel, { peerId, maxBytes, frameBytes = FRAME_BYTES, highWater = HIGH_WATER_BYTES, lowWater = LOW_WATER_BYTES }) {
    super();
    this.#channel = channel;
    this.#peerId = peerId;
    this.#maxBytes = maxBytes;
    this.#chunkBytes = frameBytes - HEADER_BYTES;
    this.#highWater = highWater;
    channel.binaryType = 'arraybuffer';
    channel.bufferedAmountLowThreshold = lowWater;
    channel.addEventListener('message', this.#onMessage);
    channel.addEventListener('bufferedamountlow', this.#onLow);
    channel.addEventListener('open', this.#onOpen);
    channel.addEventListener('close', this.#onClose);
  }

  get open() { return this.#channel.readyState === 'open'; }

  /** Starts sending `file`; returns its Transfer at once. */
  send(file, extra = {}) {
    const t = new Transfer({ direction: 'send', n: this.#nextN++, name: file.name, size: file.size, mime: file.type, peerId: this.#peerId });
    Object.assign(t, extra);
    this.#outgoing.set(t.n, t);
    t.cancel = () => this.#cancelOutgoing(t, 'Cancelled');
    this.#pump(t, file).catch((error) => this.#fail(t, String(error?.message ?? error)));
    return t;
  }

  async #pump(t, file) {
    await this.#whenOpen();
    const senderHash = file.size <= SENDER_HASH_MAX_BYTES ? sha256Hex(file) : Promise.resolve(null);
    this.#control({ t: Control.Offer, n: t.n, name: t.name, size: t.size, mime: t.mime });
    let reported = 0;
    for (let offset = 0; offset < file.size && t.active;) {
      const block = new Uint8Array(await file.slice(offset, offset + READ_BYTES).arrayBuffer());
      for (let at = 0; at < block.length && t.active; at += this.#chunkBytes) {
        await this.#room();
        if (!t.active) return;
        const piece = block.subarray(at, at + this.#chunkBytes);
        const frame = new Uint8Array(HEADER_BYTES + piece.length);
        new DataView(frame.buffer).setUint32(0, t.n);
        frame.set(piece, HEADER_BYTES);
        this.#channel.send(frame);
        t.bytes = offset + at + piece.length;
        if (t.bytes - reported >= PROGRESS_STEP) { reported = t.bytes; t.emit('change', t); }
      }
      offset += block.length;
    }
    if (!t.active) return;
    this.#control({ t: Control.End, n: t.n, sha256: await senderHash });
    t.set({ bytes: t.size });
  }

  /** Resolves when the channel can take more (bufferedAmount below the high-water mark). */
  #room() {
    if (this.#channel.readyState !== 'open') return Promise.reject(new Error('Connection closed'));
    if (this.#channel.bufferedAmount < this.#highWater) return Promise.resolve();
    return new Promise((resolve, reject) => this.#roomWaiters.push({ resolve, reject }));
  }

  #onLow = () => {
    const waiters = this.#roomWaiters;
    this.#roomWaiters = [];
    for (const w of waiters) w.resolve();
  };

  #whenOpen() {
    if (this.open) return Promise.resolve();
    return new Promise((resolve, reject) => this.#openWaiters.push({ resolve, reject }));
  }

  #onOpen = () => {
    for (const w of this.#openWaiters) w.resolve();
    this.#openWaiters = [];
  };

  #onMessage = (event) => {
    if (typeof event.data === 'string') this.#onControl(JSON.parse(event.data));
    else this.#onChunk(event.data);
  };

  #onChunk(buffer) {
    const n = new DataView(buffer).getUint32(0);
    const t = this.#incoming.get(n);
    if (!t?.active) return;
    t.parts.push(new Uint8Array(buffer, HEADER_BYTES));
    const before = t.bytes;
    t.bytes += buffer.byteLength - HEADER_BYTES;
    if (t.bytes > t.size) { this.#refuse(t, 'More data than announced'); return; }
    if (Math.floor(t.bytes / PROGRESS_STEP) !== Math.floor(before / PROGRESS_STEP)) t.emit('change', t);
  }

  #onControl(m) {
    switch (m.t) {
      case Control.Offer: {
        const t = new Transfer({ direction: 'receive', n: m.n, name: String(m.name).slice(0, 255), size: Number(m.size), mime: String(m.mime ?? ''), peerId: this.#peerId });
        t.parts = [];
        t.relayed = this.#channel.relayed === true;
        t.cancel = () => this.#refuse(t, 'Cancelled');
        this.#incoming.set(t.n, t);
        this.emit('transfer', t);
        const max = this.#maxBytes();
        if (!(t.size >= 0) || t.size > max) this.#refuse(t, `Too large: the limit is ${formatLimit(max)}`);
        break;
      }
      case Control.End: this.#finishIncoming(this.#incoming.get(m.n), m.sha256); break;
      case Control.Cancel: this.#fail(this.#incoming.get(m.n), m.reason ?? 'Cancelled by the sender'); break;
      case Control.Done: this.#outgoing.get(m.n)?.set({ state: 'done', sha256: m.sha256 ?? null }); break;
      case Control.Refuse: this.#fail(this.#outgoing.get(m.n), m.reason ?? 'Refused'); break;
    }
  }

  async #finishIncoming(t, senderSha) {
    if (!t?.active) return;
    // Opaque bytes whatever the sender declared (t.mime stays a label): a blob: URL lives in the app's origin, so a
    // received text/html or image/svg+xml opened from its link would otherwise run as the app's own page.
    const blob = new Blob(t.parts, { type: RECEIVED_TYPE });
    t.parts = [];
    if (blob.size !== t.size) { this.#refuse(t, `Received ${blob.size} of ${t.size} bytes`); return; }
    const sha = await sha256Hex(blob);
    if (senderSha && sha !== senderSha) { this.#refuse(t, 'Checksum mismatch'); return; }
    this.#control({ t: Control.Done, n: t.n, sha256: sha });
    t.set({ state: 'done', sha256: sha, bytes: t.size, url: URL.createObjectURL(blob) });
  }

  #cancelOutgoing(t, reason) {
    if (!t.active) return;
    this.#control({ t: Control.Cancel, n: t.n, reason: 'Cancelled by the sender' });
    this.#fail(t, reason);
  }

  #refuse(t, reason) {
    if (!t.active) return;
    this.#control({ t: Control.Refuse, n: t.n, reason: reason === 'Cancelled' ? 'Cancelled by the receiver' : reason });
    t.parts = [];
    this.#fail(t, reason);
  }

  #fail(t, reason) {
    if (!t?.active) return;
    t.parts = [];
    t.set({ state: 'failed', error: reason });
  }

  #control(message) {
    if (this.#channel.readyState === 'open') this.#channel.send(JSON.stringify(message));
  }

  #onClose = () => {
    for (const w of [...this.#roomWaiters, ...this.#openWaiters]) w.reject(new Error('Connection closed'));
    this.#roomWaiters = [];
    this.#openWaiters = [];
    for (const t of [...this.#outgoing.values(), ...this.#incoming.values()]) this.#fail(t, 'Connection closed');
  };

  /** Detaches from the channel and fails whatever is still moving. Object URLs belong to the view. */
  dispose() {
    this.#onClose();
    this.#channel.removeEventListener('message', this.#onMessage);
    this.#channel.removeEventListener('bufferedamountlow', this.#onLow);
    this.#channel.removeEventListener('open', this.#onOpen);
    this.#channel.removeEventListener('close', this.#onClose);
    this.clear();
  }
}

export async function sha256Hex(blob) {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function formatLimit(bytes) {
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${+gib.toFixed(1)} GB`;
  const mib = bytes / 1024 ** 2;
  return mib >= 1 ? `${+mib.toFixed(1)} MB` : `${bytes} bytes`;
}
