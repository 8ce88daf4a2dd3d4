// This tab's camera and microphone: acquiring them, muting (track.enabled, so nothing is renegotiated), switching
// devices (a new track the call swaps in with replaceTrack) and stopping every track on dispose().

export class LocalMedia {
  /** The stream shown in local-video and sent to peers (one audio and one video track at most). */
  stream = new MediaStream();
  mic = true;
  camera = true;
  #disposed = false;
  #preferred = { audio: null, video: null };

  /**
   * Opens the given (else default) devices of the kinds asked for. A remembered device that is gone falls back to
   * the default one; missing or refused devices leave that kind out instead of failing the call.
   */
  async open({ audioDeviceId, videoDeviceId, audio = true, video = true } = {}) {
    this.#preferred = { audio: audioDeviceId ?? null, video: videoDeviceId ?? null };
    const wanted = { ...(audio ? { audio: constraintFor('audio', audioDeviceId) } : {}), ...(video ? { video: constraintFor('video', videoDeviceId) } : {}) };
    let tracks = [];
    if (Object.keys(wanted).length > 0) {
      tracks = await getTracks(wanted);
      if (tracks.length === 0 && Object.keys(wanted).length > 1) {
        tracks = (await Promise.all(Object.entries(wanted).map(([kind, c]) => getTracks({ [kind]: c })))).flat();
      }
    }
    if (this.#disposed) { for (const t of tracks) t.stop(); return; }
    for (const track of tracks) this.stream.addTrack(track);
    this.#applyEnabled();
  }

  /** Opens the preferred device of `kind` if this stream has none yet (a device switched on after joining without it). */
  async acquire(kind) {
    const existing = kind === 'audio' ? this.audioTrack : this.videoTrack;
    if (existing) return null;
    const [track] = await getTracks({ [kind]: constraintFor(kind, this.#preferred[kind]) });
    if (!track) return null;
    if (this.#disposed) { track.stop(); return null; }
    this.stream.addTrack(track);
    this.#applyEnabled();
    return track;
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
    this.#preferred[kind] = deviceId;
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

function constraintFor(kind, deviceId) {
  if (deviceId) return { deviceId: { exact: deviceId } };
  return kind === 'video' ? { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24 } } : true;
}

/** The tracks getUserMedia gives for `constraints`, retrying with default devices if a pinned one is gone; [] on failure. */
async function getTracks(constraints) {
  try {
    return (await navigator.mediaDevices.getUserMedia(constraints)).getTracks();
  } catch (error) {
    const pinned = Object.values(constraints).some((c) => c?.deviceId);
    if (!pinned || !['OverconstrainedError', 'NotFoundError'].includes(error?.name)) return [];
    return getTracks(Object.fromEntries(Object.keys(constraints).map((kind) => [kind, constraintFor(kind, null)])));
  }
}

function stopAll(stream) {
  for (const track of stream.getTracks()) { track.stop(); stream.removeTrack(track); }
}
