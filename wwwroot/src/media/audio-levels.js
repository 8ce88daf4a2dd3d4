// Speaking indicator: one AudioContext with an AnalyserNode per audio track, sampled five times a second.
// A track counts as speaking while its RMS level stays above a threshold. dispose() closes the context.

const SAMPLE_MS = 200;
const SPEAKING_RMS = 0.02;

export class AudioLevels {
  #context = null;
  #meters = new Map();
  #timer = null;
  #onChange;

  /** @param onChange (key, speaking) on every change */
  constructor(onChange) { this.#onChange = onChange; }

  /** Starts (or replaces) the meter `key` on `track`. */
  watch(key, track) {
    this.unwatch(key);
    if (!track) return;
    this.#context ??= new AudioContext();
    const source = this.#context.createMediaStreamSource(new MediaStream([track]));
    const analyser = this.#context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    this.#meters.set(key, { source, analyser, data: new Float32Array(analyser.fftSize), speaking: false });
    this.#timer ??= setInterval(() => this.#sample(), SAMPLE_MS);
  }

  unwatch(key) {
    const meter = this.#meters.get(key);
    if (!meter) return;
    meter.source.disconnect();
    this.#meters.delete(key);
    if (meter.speaking) this.#onChange(key, false);
    if (this.#meters.size === 0 && this.#timer) { clearInterval(this.#timer); this.#timer = null; }
  }

  #sample() {
    if (this.#context?.state === 'suspended') this.#context.resume().catch(() => {});
    for (const [key, meter] of this.#meters) {
      meter.analyser.getFloatTimeDomainData(meter.data);
      let sum = 0;
      for (const v of meter.data) sum += v * v;
      const speaking = Math.sqrt(sum / meter.data.length) > SPEAKING_RMS;
      if (speaking !== meter.speaking) { meter.speaking = speaking; this.#onChange(key, speaking); }
    }
  }

  dispose() {
    for (const key of [...this.#meters.keys()]) this.unwatch(key);
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#context?.close().catch(() => {});
    this.#context = null;
  }
}
