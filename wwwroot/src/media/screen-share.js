// Sharing the screen: one getDisplayMedia track, handed to the call, and a callback when sharing ends, whether
// our button or the browser's own "Stop sharing" ended it. dispose() stops the track and removes the listener.

export class ScreenShare {
  track = null;
  #onEnded;

  /** @param onEnded called once when the shared track ends for any reason */
  constructor(onEnded) { this.#onEnded = onEnded; }

  async start() {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15 } }, audio: false });
    this.track = stream.getVideoTracks()[0];
    for (const extra of stream.getTracks()) if (extra !== this.track) extra.stop();
    this.track.addEventListener('ended', this.#ended, { once: true });
    return this.track;
  }

  #ended = () => {
    this.#cleanup();
    this.#onEnded?.();
  };

  #cleanup() {
    if (!this.track) return;
    this.track.removeEventListener('ended', this.#ended);
    this.track.stop();
    this.track = null;
  }

  /** Stops sharing (no onEnded callback: the caller knows). */
  dispose() { this.#cleanup(); }
}
