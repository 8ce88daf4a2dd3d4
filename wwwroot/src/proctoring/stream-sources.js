import { callCamera } from '../media/shared-camera.js';

// The candidate's capture tracks for observers, shared by every observer watching the same kind: the camera
// (a clone of the call's camera track when the call has one, else getUserMedia, video only) and the screen
// (getDisplayMedia). A track is opened on first use and stopped when the
// last stream using it is released; a screen the user stops sharing is forgotten (the next acquire asks again).

export class StreamSources {
  #tracks = new Map(); // kind → Promise<MediaStreamTrack>
  #users = new Map(); // kind → count

  /** The live track of `kind` ('camera' | 'screen'), opening it if needed. Pair every acquire with a release. */
  async acquire(kind) {
    this.#users.set(kind, (this.#users.get(kind) ?? 0) + 1);
    let pending = this.#tracks.get(kind);
    if (pending) {
      const track = await pending.catch(() => null);
      if (track?.readyState === 'live') return track;
      this.#tracks.delete(kind);
    }
    pending = open(kind);
    this.#tracks.set(kind, pending);
    try {
      const track = await pending;
      track.addEventListener('ended', () => { if (this.#tracks.get(kind) === pending) this.#tracks.delete(kind); }, { once: true });
      if (!this.#users.get(kind)) this.#stop(kind); // every user left while the device opened
      return track;
    } catch (error) {
      if (this.#tracks.get(kind) === pending) this.#tracks.delete(kind);
      throw error;
    }
  }

  release(kind) {
    const users = Math.max(0, (this.#users.get(kind) ?? 0) - 1);
    this.#users.set(kind, users);
    if (users === 0) this.#stop(kind);
  }

  #stop(kind) {
    const pending = this.#tracks.get(kind);
    this.#tracks.delete(kind);
    pending?.then((track) => track.stop(), () => {});
  }

  dispose() {
    for (const kind of [...this.#tracks.keys()]) this.#stop(kind);
    this.#users.clear();
  }
}

async function open(kind) {
  const shared = kind === 'camera' ? callCamera() : null;
  if (shared) {
    const clone = shared.clone();
    clone.enabled = true; // observers see the camera even while the candidate hides it from the call
    return clone;
  }
  const stream = kind === 'screen'
    ? await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15 } }, audio: false })
    : await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24 } }, audio: false });
  const [track] = stream.getVideoTracks();
  for (const extra of stream.getTracks()) if (extra !== track) extra.stop();
  if (!track) throw new Error(`no ${kind} track`);
  return track;
}
