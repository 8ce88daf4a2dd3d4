// Records the call: either a composed view (every visible video drawn on a canvas in a grid, with every audio
// track mixed in one AudioContext) or the shared screen, through MediaRecorder into WebM whose duration is then
// written into its header. stop() resolves to { blob, durationMs, mime }; everything it created (canvas stream,
// audio context, timers) is released by then, and dispose() does the same for a recording that never stops.
import { fixWebmDuration } from './webm-duration.js';

const FPS = 15;
const WIDTH = 1280;
const HEIGHT = 720;
const TIMESLICE_MS = 1000;

export class CallRecorder {
  #recorder = null;
  #chunks = [];
  #created = [];
  #timer = null;
  #audio = null;
  #startedAt = 0;
  #mime = '';

  get recording() { return this.#recorder?.state === 'recording'; }

  /**
   * @param source { videos: () => HTMLVideoElement[], audioTracks: MediaStreamTrack[], screenTrack: MediaStreamTrack|null,
   *   onFrame?: (videoCount) => void } (onFrame: after each composed frame, with the number of videos drawn)
   * @param mode 'call' (composed) | 'screen'
   */
  start(source, mode = 'call') {
    if (this.#recorder) throw new Error('Already recording');
    const video = mode === 'screen' && source.screenTrack ? source.screenTrack.clone() : this.#composeVideo(source.videos, source.onFrame);
    if (mode === 'screen' && source.screenTrack) this.#created.push(video);
    const tracks = [video, ...this.#mixAudio(source.audioTracks)];
    this.#mime = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m)) ?? '';
    this.#recorder = new MediaRecorder(new MediaStream(tracks), { mimeType: this.#mime, videoBitsPerSecond: 1_500_000 });
    this.#chunks = [];
    this.#recorder.ondataavailable = (e) => { if (e.data.size > 0) this.#chunks.push(e.data); };
    this.#recorder.start(TIMESLICE_MS);
    this.#startedAt = performance.now();
  }

  async stop() {
    const recorder = this.#recorder;
    if (!recorder) return null;
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    const durationMs = performance.now() - this.#startedAt;
    const raw = new Blob(this.#chunks, { type: this.#mime.split(';')[0] || 'video/webm' });
    this.#release();
    const blob = await fixWebmDuration(raw, durationMs);
    return { blob, durationMs, mime: blob.type };
  }

  #composeVideo(videos, onFrame) {
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const ctx = canvas.getContext('2d');
    const draw = () => {
      const live = videos().filter((v) => v.videoWidth > 0 && v.srcObject);
      ctx.fillStyle = '#111';
      ctx.fillRect(0, 0, WIDTH, HEIGHT);
      const cols = Math.ceil(Math.sqrt(live.length || 1));
      const rows = Math.ceil((live.length || 1) / cols);
      const w = WIDTH / cols, h = HEIGHT / rows;
      live.forEach((v, i) => {
        const scale = Math.min(w / v.videoWidth, h / v.videoHeight);
        const dw = v.videoWidth * scale, dh = v.videoHeight * scale;
        ctx.drawImage(v, (i % cols) * w + (w - dw) / 2, Math.floor(i / cols) * h + (h - dh) / 2, dw, dh);
      });
      onFrame?.(live.length);
    };
    draw();
    this.#timer = setInterval(draw, 1000 / FPS);
    const track = canvas.captureStream(FPS).getVideoTracks()[0];
    this.#created.push(track);
    return track;
  }

  #mixAudio(tracks) {
    const live = tracks.filter((t) => t && t.readyState === 'live');
    if (live.length === 0) return [];
    this.#audio = new AudioContext();
    const destination = this.#audio.createMediaStreamDestination();
    for (const track of live) this.#audio.createMediaStreamSource(new MediaStream([track])).connect(destination);
    const mixed = destination.stream.getAudioTracks()[0];
    this.#created.push(mixed);
    return [mixed];
  }

  #release() {
    clearInterval(this.#timer);
    this.#timer = null;
    for (const track of this.#created) track.stop();
    this.#created = [];
    this.#audio?.close().catch(() => {});
    this.#audio = null;
    if (this.#recorder) this.#recorder.ondataavailable = null;
    this.#recorder = null;
    this.#chunks = [];
  }

  dispose() {
    if (this.#recorder?.state === 'recording') this.#recorder.stop();
    this.#release();
  }
}
