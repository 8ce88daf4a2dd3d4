// This tab's camera and microphone: acquiring them, muting (track.enabled, so nothing is renegotiated), switching
// devices (a new track the call swaps in with replaceTrack) and stopping every track on dispose().

export class LocalMedia {
  /** The stream shown in local-video and sent to peers (one audio and one video track at most). */
  stream = new MediaStream();
  mic = true;
  camera = true;
  #disposed = false;

  /** Opens the default (or given) devices. Missing or refused devices leave that kind out instead of failing the call. */
  async open({ audioDeviceId, videoDeviceId } = {}) {
    const audio = audioDeviceId ? { deviceId: { exact: audioDeviceId } } : true;
    const video = videoDeviceId ? { deviceId: { exact: videoDeviceId } } : { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24 } };
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio, video });
    } catch {
      stream = await navigator.mediaDevices.getUserMedia({ audio }).catch(() =>
        navigator.mediaDevices.getUserMedia({ video }).catch(() => new MediaStream()));
    }
    if (this.#disposed) { stopAll(stream); return; }
    for (const track of stream.getTracks()) this.stream.addTrack(track);
    this.#applyEnabled();
  }

  get audioTrack() { return this.stream.getAudioTracks()[0] ?? null; }
  get videoTrack() { return this.stream.getVideoTracks()[0] ?? null; }

  setMic(on) { this.mic = on; this.#applyEnabled(); }
  setCamera(on) { this.camera = on; this.#applyEnabled(); }

  #applyEnabled() {
    for (const t of this.stream.getAudioTracks()) t.enabled = this.mic;
    for (const t of this.stream.getVideoTracks()) t.enabled = this.camera;
  }

  /** Opens `deviceId` for `kind` ('audio' | 'video') and returns the new track; the old one is stopped. */
  async switchDevice(kind, deviceId) {
    const constraints = kind === 'audio' ? { audio: { deviceId: { exact: deviceId } } } : { video: { deviceId: { exact: deviceId } } };
    const stream = await navigator.mediaDevices.getUserMedia(constraints);
    const track = stream.getTracks()[0];
    if (this.#disposed) { track.stop(); return null; }
    const old = kind === 'audio' ? this.audioTrack : this.videoTrack;
    if (old) { this.stream.removeTrack(old); old.stop(); }
    this.stream.addTrack(track);
    this.#applyEnabled();
    return track;
  }

  /** The devices to choose from, by kind: { audioinput, videoinput, audiooutput }. */
  static async devices() {
    const list = await navigator.mediaDevices.enumerateDevices();
    const byKind = { audioinput: [], videoinput: [], audiooutput: [] };
    for (const d of list) byKind[d.kind]?.push({ id: d.deviceId, label: d.label || d.kind });
    return byKind;
  }

  dispose() {
    this.#disposed = true;
    stopAll(this.stream);
  }
}

function stopAll(stream) {
  for (const track of stream.getTracks()) { track.stop(); stream.removeTrack(track); }
}
