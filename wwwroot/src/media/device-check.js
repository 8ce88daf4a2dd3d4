// The pre-join device check (esbuild entry "device-check", mounted by DeviceCheck.razor beside the join form):
// a camera preview, a microphone level meter, camera / microphone / speaker pickers and "join with camera or mic
// off" toggles. Every choice is saved at once (device-prefs.js); the call reads it when it starts. A refused
// permission or a missing device is said plainly, and joining stays possible without media. dispose() stops every
// track, the meter's audio context and its timer.
import { h } from './dom.js';
import { loadDevicePrefs, saveDevicePrefs } from './device-prefs.js';

const LEVEL_MS = 100;

export function mount(root) {
  const check = new DeviceCheck(root);
  return { dispose: () => check.dispose() };
}

class DeviceCheck {
  #root;
  #prefs = loadDevicePrefs();
  #tracks = { audio: null, video: null };
  #preview = h('video', { class: 'device-preview', dataset: { testid: 'device-preview' }, muted: true, autoplay: true, playsInline: true });
  #level = h('div', { class: 'mic-level', role: 'meter', 'aria-label': 'Microphone level', 'aria-valuemin': '0', 'aria-valuemax': '1', dataset: { testid: 'mic-level', level: '0' } },
    h('span', { class: 'mic-level-bar' }));
  #selects = {
    video: select('camera-select', 'Camera'),
    audio: select('mic-select', 'Microphone'),
    speaker: select('speaker-select', 'Speaker'),
  };
  #toggles = {
    video: h('button', { class: 'button toggle', type: 'button', dataset: { testid: 'prejoin-camera' }, onclick: () => this.#toggle('video') }),
    audio: h('button', { class: 'button toggle', type: 'button', dataset: { testid: 'prejoin-mic' }, onclick: () => this.#toggle('audio') }),
  };
  #message = h('p', { class: 'device-message', role: 'status', hidden: true, dataset: { testid: 'device-message' } });
  #audio = null;
  #timer = null;
  #problems = { audio: null, video: null };
  #disposed = false;
  #opening = Promise.resolve();

  constructor(root) {
    this.#root = root;
    this.#selects.video.addEventListener('change', (e) => this.#choose('video', e.target.value));
    this.#selects.audio.addEventListener('change', (e) => this.#choose('audio', e.target.value));
    this.#selects.speaker.addEventListener('change', (e) => this.#chooseSpeaker(e.target.value));
    const speakerSupported = 'setSinkId' in HTMLMediaElement.prototype;
    root.replaceChildren(
      h('h2', {}, 'Camera and microphone'),
      h('div', { class: 'device-stage' }, this.#preview, h('span', { class: 'device-off' }, 'Camera off')),
      h('div', { class: 'device-level' }, h('span', {}, 'Mic'), this.#level),
      h('div', { class: 'device-toggles' }, this.#toggles.video, this.#toggles.audio),
      h('label', {}, 'Camera', this.#selects.video),
      h('label', {}, 'Microphone', this.#selects.audio),
      h('label', {}, 'Speaker', this.#selects.speaker, speakerSupported ? null : h('span', { class: 'hint' }, ' (this browser always uses the default)')),
      this.#message);
    this.#selects.speaker.disabled = !speakerSupported;
    this.#renderToggles();
    this.#opening = this.#open(['video', 'audio']).then(() => this.#listDevices());
    navigator.mediaDevices?.addEventListener('devicechange', this.#onDeviceChange);
    root.dataset.ready = 'true';
  }

  #onDeviceChange = () => { this.#listDevices(); };

  /** Opens the chosen (else default) device of each kind that is switched on, in one permission prompt. */
  async #open(kinds) {
    kinds = kinds.filter((kind) => this.#on(kind));
    if (kinds.length === 0 || this.#disposed) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      for (const kind of kinds) this.#problems[kind] = 'This browser gives the page no access to cameras and microphones (it needs HTTPS).';
      this.#renderMessage();
      return;
    }
    const wanted = (kind) => {
      const id = kind === 'video' ? this.#prefs.cameraId : this.#prefs.micId;
      return id ? { deviceId: { exact: id } } : (kind === 'video' ? { width: { ideal: 640 }, height: { ideal: 480 } } : true);
    };
    let stream = await getMedia(Object.fromEntries(kinds.map((k) => [k, wanted(k)])));
    if (stream.error && kinds.length > 1 && stream.error.name !== 'NotAllowedError') {
      // One kind missing must not hide the other: ask for each on its own.
      const parts = await Promise.all(kinds.map((k) => getMedia({ [k]: wanted(k) })));
      stream = { tracks: parts.flatMap((p) => p.tracks ?? []), errors: Object.fromEntries(kinds.map((k, i) => [k, parts[i].error])) };
    } else {
      stream = { tracks: stream.tracks ?? [], errors: Object.fromEntries(kinds.map((k) => [k, stream.error])) };
    }
    if (this.#disposed) { for (const t of stream.tracks) t.stop(); return; }
    for (const kind of kinds) {
      const track = stream.tracks.find((t) => t.kind === kind) ?? null;
      this.#setTrack(kind, track);
      this.#problems[kind] = track ? null : describe(kind, stream.errors[kind]);
    }
    this.#renderMessage();
  }

  #setTrack(kind, track) {
    this.#tracks[kind]?.stop();
    this.#tracks[kind] = track;
    if (kind === 'video') this.#preview.srcObject = track ? new MediaStream([track]) : null;
    if (kind === 'audio') this.#meter(track);
    this.#root.dataset.camera = this.#tracks.video ? 'on' : 'off';
  }

  async #listDevices() {
    const list = await navigator.mediaDevices?.enumerateDevices().catch(() => null);
    if (!list || this.#disposed) return;
    const byKind = { video: [], audio: [], speaker: [] };
    for (const d of list) {
      const kind = { videoinput: 'video', audioinput: 'audio', audiooutput: 'speaker' }[d.kind];
      if (kind && d.deviceId) byKind[kind].push(d);
    }
    const current = {
      video: this.#tracks.video?.getSettings().deviceId ?? this.#prefs.cameraId,
      audio: this.#tracks.audio?.getSettings().deviceId ?? this.#prefs.micId,
      speaker: this.#prefs.speakerId,
    };
    for (const [kind, el] of Object.entries(this.#selects)) {
      const names = { video: 'Camera', audio: 'Microphone', speaker: 'Speaker' };
      el.replaceChildren(...byKind[kind].map((d, i) => h('option', { value: d.deviceId, selected: d.deviceId === current[kind] }, d.label || `${names[kind]} ${i + 1}`)));
      if (byKind[kind].length === 0) el.append(h('option', { value: '' }, kind === 'speaker' ? 'Default' : `No ${names[kind].toLowerCase()} found`));
      if (kind !== 'speaker') el.disabled = byKind[kind].length === 0;
    }
    if (byKind.video.length === 0 && !this.#tracks.video && this.#on('video')) this.#problems.video ??= describe('video', { name: 'NotFoundError' });
    if (byKind.audio.length === 0 && !this.#tracks.audio && this.#on('audio')) this.#problems.audio ??= describe('audio', { name: 'NotFoundError' });
    this.#renderMessage();
  }

  async #choose(kind, deviceId) {
    this.#prefs = saveDevicePrefs(kind === 'video' ? { cameraId: deviceId || null } : { micId: deviceId || null });
    await this.#opening;
    this.#opening = this.#open([kind]);
    await this.#opening;
  }

  async #chooseSpeaker(deviceId) {
    this.#prefs = saveDevicePrefs({ speakerId: deviceId || null });
    await this.#preview.setSinkId?.(deviceId).catch(() => {});
  }

  async #toggle(kind) {
    const on = !this.#on(kind);
    this.#prefs = saveDevicePrefs(kind === 'video' ? { camera: on } : { mic: on });
    this.#renderToggles();
    await this.#opening;
    if (on) this.#opening = this.#open([kind]).then(() => this.#listDevices());
    else { this.#setTrack(kind, null); this.#problems[kind] = null; this.#renderMessage(); }
    await this.#opening;
  }

  #on(kind) { return kind === 'video' ? this.#prefs.camera : this.#prefs.mic; }

  #renderToggles() {
    for (const [kind, button] of Object.entries(this.#toggles)) {
      const on = this.#on(kind);
      button.setAttribute('aria-pressed', String(on));
      button.textContent = kind === 'video' ? (on ? 'Camera on' : 'Join with camera off') : (on ? 'Mic on' : 'Join with mic off');
    }
  }

  #renderMessage() {
    const lines = [...new Set([this.#problems.video, this.#problems.audio].filter(Boolean))];
    this.#message.hidden = lines.length === 0;
    this.#message.textContent = lines.length ? `${lines.join(' ')} You can still join without them.` : '';
    this.#root.dataset.problem = lines.length ? 'true' : 'false';
  }

  /** RMS level of the microphone, 0..1 (scaled so speech reads around the middle), on data-level and the bar. */
  #meter(track) {
    clearInterval(this.#timer);
    this.#timer = null;
    this.#audio?.close().catch(() => {});
    this.#audio = null;
    this.#showLevel(0);
    if (!track) return;
    const context = this.#audio = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    this.#timer = setInterval(() => {
      if (context.state === 'suspended') context.resume().catch(() => {});
      analyser.getFloatTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += v * v;
      this.#showLevel(Math.min(1, Math.sqrt(sum / data.length) * 4));
    }, LEVEL_MS);
  }

  #showLevel(level) {
    const rounded = Math.round(level * 100) / 100;
    this.#level.dataset.level = String(rounded);
    this.#level.setAttribute('aria-valuenow', String(rounded));
    this.#level.firstChild.style.width = `${rounded * 100}%`;
  }

  dispose() {
    this.#disposed = true;
    navigator.mediaDevices?.removeEventListener('devicechange', this.#onDeviceChange);
    this.#meter(null);
    for (const kind of ['audio', 'video']) this.#setTrack(kind, null);
    this.#root.replaceChildren();
    delete this.#root.dataset.ready;
  }
}

async function getMedia(constraints) {
  try {
    return { tracks: (await navigator.mediaDevices.getUserMedia(constraints)).getTracks() };
  } catch (error) {
    // A remembered device that is gone: fall back to the default one.
    const pinned = Object.values(constraints).some((c) => c?.deviceId);
    if (pinned && (error.name === 'OverconstrainedError' || error.name === 'NotFoundError')) {
      return getMedia(Object.fromEntries(Object.keys(constraints).map((k) => [k, true])));
    }
    return { error };
  }
}

function describe(kind, error) {
  const what = kind === 'video' ? 'camera' : 'microphone';
  switch (error?.name) {
    case 'NotAllowedError': case 'SecurityError':
      return `Access to the ${what} was refused: allow it in the browser's site settings and reload to use it.`;
    case 'NotFoundError': case 'OverconstrainedError':
      return `No ${what} was found.`;
    case 'NotReadableError': case 'AbortError':
      return `The ${what} is in use by another program or could not be started.`;
    default:
      return `The ${what} could not be opened${error?.message ? ` (${error.message})` : ''}.`;
  }
}

function select(testid, label) {
  const el = h('select', { dataset: { testid } });
  el.setAttribute('aria-label', label);
  return el;
}
