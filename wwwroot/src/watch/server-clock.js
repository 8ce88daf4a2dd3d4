// The server's clock as seen from this tab, NTP-style: each sample asks the hub for the server time and takes the
// middle of the round trip as the moment the server read its clock (offset = server − (sent + received) / 2). The
// sample with the shortest round trip among the recent ones wins: its error is at most half its round trip.

const KEEP = 12;

export class ServerClock {
  #invoke;
  #samples = [];
  #offset = 0;

  /** `invoke()` resolves to the hub's `WatchClock` answer: { ServerMs }. */
  constructor(invoke) {
    this.#invoke = invoke;
  }

  /** Milliseconds since the Unix epoch on the server's clock, now. */
  now() {
    return localNow() + this.#offset;
  }

  get offset() { return this.#offset; }
  get bestRoundTrip() { return this.#samples.length ? Math.min(...this.#samples.map((s) => s.rtt)) : null; }
  get sampleCount() { return this.#samples.length; }

  /** Takes `count` samples one after the other; failures are skipped (the previous estimate stays). */
  async sample(count = 1) {
    for (let i = 0; i < count; i++) {
      const sent = localNow();
      let answer;
      try { answer = await this.#invoke(); } catch { continue; }
      const received = localNow();
      this.add({ rtt: received - sent, offset: answer.ServerMs - (sent + received) / 2 });
    }
  }

  /** Adds one sample { rtt, offset } (exported for tests of the estimate). */
  add(sample) {
    this.#samples.push(sample);
    if (this.#samples.length > KEEP) this.#samples.shift();
    this.#offset = bestOffset(this.#samples);
  }
}

/** The offset of the sample with the shortest round trip (ties: the newest). */
export function bestOffset(samples) {
  let best = null;
  for (const s of samples) if (best === null || s.rtt <= best.rtt) best = s;
  return best?.offset ?? 0;
}

function localNow() {
  return performance.timeOrigin + performance.now();
}
