// A stand-in for an RTCDataChannel that carries file-transfer messages through the server (hub method RelayFile,
// event FileRelayed) when two browsers have no direct path. It offers the part of the data channel FileChannel
// uses: send(), bufferedAmount with bufferedAmountLowThreshold / 'bufferedamountlow', readyState, 'message'.
// Sends go out one at a time, paced under the hub's per-connection call budget (Rooms:HubCallsPer10Seconds, 200 by
// default), so signaling on the same connection keeps room to breathe.

/** Frame size over the hub: half the 64 KiB hub message limit, leaving room for the envelope. */
export const RELAY_FRAME_BYTES = 32 * 1024;
/** At most this many relay calls per second (the hub allows 20 per second for everything together). */
const CALLS_PER_SECOND = 12;

export class RelayChannel extends EventTarget {
  relayed = true;
  readyState = 'open';
  binaryType = 'arraybuffer';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  #connection;
  #to;
  #queue = [];
  #pumping = false;

  constructor(connection, to) {
    super();
    this.#connection = connection;
    this.#to = to;
  }

  send(data) {
    if (this.readyState !== 'open') throw new Error('Relay closed');
    const size = typeof data === 'string' ? data.length : data.byteLength;
    this.bufferedAmount += size;
    this.#queue.push({ data, size });
    if (!this.#pumping) this.#pump();
  }

  async #pump() {
    this.#pumping = true;
    while (this.#queue.length > 0 && this.readyState === 'open') {
      const { data, size } = this.#queue.shift();
      const started = performance.now();
      try {
        const text = typeof data === 'string' ? data : null;
        const frame = text === null ? new Uint8Array(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength) : null;
        const status = await this.#connection.invoke('RelayFile', { To: this.#to, Text: text, Frame: frame });
        if (status !== 'Relayed') { this.close(); break; }
      } catch {
        this.close();
        break;
      }
      const before = this.bufferedAmount;
      this.bufferedAmount -= size;
      if (before > this.bufferedAmountLowThreshold && this.bufferedAmount <= this.bufferedAmountLowThreshold) this.dispatchEvent(new Event('bufferedamountlow'));
      const wait = 1000 / CALLS_PER_SECOND - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.#pumping = false;
  }

  /** Delivers a message that arrived from the peer through the server. */
  deliver({ text, frame }) {
    if (this.readyState !== 'open') return;
    const data = text ?? frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength);
    this.dispatchEvent(new MessageEvent('message', { data }));
  }

  close() {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.#queue = [];
    this.bufferedAmount = 0;
    this.dispatchEvent(new Event('close'));
  }
}
