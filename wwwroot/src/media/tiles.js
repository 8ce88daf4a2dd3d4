// The video tiles: this tab's preview (local-video) and one tile per peer (remote-video with data-peer and
// data-kind), with name, muted icons, speaking ring, connection state with a retry button, and a stats panel that
// samples getStats only while it is open. Owns no media: streams come from the call. On a candidate's page, an
// observer's tile stays hidden while that observer's microphone is off (observers look in without being seen).
// Such a silent observer is also left out of recordings, whoever records, since a recording can reach the
// candidate later. That includes this tab's own video when this tab is a silent observer.
import { h } from './dom.js';
import { StatsSampler } from './stats.js';

const STATS_MS = 2000;
const STATE_TEXT = { connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Reconnecting…', failed: 'Connection failed', closed: 'Closed' };

export class Tiles {
  element = h('div', { class: 'media-tiles' });
  localVideo;
  #local;
  #remote = new Map();
  #sampler = new StatsSampler();
  #speakerId = null;
  /** This tab's role in the room (from the call's welcome): candidates do not see silent observers. */
  selfRole = 'candidate';

  constructor() {
    this.localVideo = h('video', { dataset: { testid: 'local-video' }, muted: true, autoplay: true, playsInline: true });
    this.#local = h('figure', { class: 'tile self', dataset: { mic: 'on', camera: 'on' } }, this.localVideo,
      h('figcaption', {}, h('span', { class: 'name' }, 'You'), icons()));
    this.element.append(this.#local);
  }

  setLocalStream(stream) { this.localVideo.srcObject = stream; }

  setLocalState({ mic, camera }) {
    this.#local.dataset.mic = mic ? 'on' : 'off';
    this.#local.dataset.camera = camera ? 'on' : 'off';
  }

  setSpeaking(key, speaking) {
    const tile = key === 'self' ? this.#local : this.#remote.get(key)?.tile;
    if (tile) tile.dataset.speaking = String(speaking);
  }

  /** Adds (or returns) the tile of peer `id`; `onRetry` rebuilds the connection after a failure. */
  add(id, name, onRetry) {
    if (this.#remote.has(id)) return this.#remote.get(id);
    const video = h('video', { dataset: { testid: 'remote-video', peer: id, kind: 'camera', mic: 'on', camera: 'on' }, autoplay: true, playsInline: true });
    const state = h('span', { class: 'conn-state', dataset: { testid: 'peer-connection' } }, STATE_TEXT.connecting);
    const retry = h('button', { class: 'button small', type: 'button', hidden: true, dataset: { testid: 'peer-retry' }, onclick: () => onRetry(id) }, 'Retry');
    const statsList = h('dl', { class: 'stats-list' });
    const stats = h('details', { class: 'stats', dataset: { testid: 'peer-stats' } }, h('summary', {}, 'Stats'), statsList);
    const nameEl = h('span', { class: 'name' }, name);
    const tile = h('figure', { class: 'tile', dataset: { peer: id, state: 'connecting', speaking: 'false' } }, video,
      h('figcaption', {}, nameEl, icons(), h('span', { class: 'rec-dot', title: 'Recording' }, '● REC'), state, retry, stats));
    const entry = { tile, video, state, retry, stats, statsList, nameEl, timer: null, pc: null, unmuteNeeded: false };
    stats.addEventListener('toggle', () => this.#toggleStats(entry));
    this.#remote.set(id, entry);
    if (this.#speakerId) video.setSinkId?.(this.#speakerId).catch(() => {});
    this.element.append(tile);
    return entry;
  }

  setStream(id, stream, pc) {
    const entry = this.#remote.get(id);
    if (!entry) return;
    entry.pc = pc;
    if (entry.video.srcObject !== stream) entry.video.srcObject = stream;
    // Autoplay with sound needs a user gesture on the page; without one, play muted and offer to unmute.
    entry.video.play().catch(() => {
      entry.video.muted = true;
      entry.video.play().catch(() => {});
      if (!entry.unmuteNeeded) {
        entry.unmuteNeeded = true;
        entry.tile.append(h('button', { class: 'button small unmute', type: 'button', onclick: (e) => { entry.video.muted = false; e.currentTarget.remove(); } }, 'Click to hear'));
      }
    });
  }

  setName(id, name) { const e = this.#remote.get(id); if (e) e.nameEl.textContent = name; }

  setPeerState(id, { mic, camera, screen, recording }, role = 'candidate') {
    const e = this.#remote.get(id);
    if (!e) return;
    e.tile.dataset.role = role;
    e.silentObserver = role === 'observer' && !mic;
    e.tile.hidden = this.selfRole === 'candidate' && e.silentObserver;
    e.video.dataset.mic = e.tile.dataset.mic = mic ? 'on' : 'off';
    e.video.dataset.camera = e.tile.dataset.camera = camera ? 'on' : 'off';
    e.video.dataset.kind = screen ? 'screen' : 'camera';
    e.tile.classList.toggle('screen', !!screen);
    e.tile.dataset.recording = String(!!recording);
  }

  setConnection(id, state) {
    const e = this.#remote.get(id);
    if (!e) return;
    e.tile.dataset.state = state;
    e.state.textContent = STATE_TEXT[state] ?? state;
    e.retry.hidden = state !== 'failed';
  }

  /** Applies a chosen speaker to every remote tile (where the browser supports setSinkId). */
  async setSpeaker(deviceId) {
    this.#speakerId = deviceId || null;
    if (!this.#speakerId) return;
    await Promise.all([...this.#remote.values()].map((e) => e.video.setSinkId?.(deviceId).catch(() => {})));
  }

  /** The video elements to compose in a recording, this tab's first; silent observers never. */
  videos() {
    const self = this.selfRole === 'observer' && this.#local.dataset.mic === 'off' ? [] : [this.localVideo];
    return [...self, ...[...this.#remote.values()].filter((e) => !e.silentObserver).map((e) => e.video)];
  }

  remove(id) {
    const e = this.#remote.get(id);
    if (!e) return;
    clearInterval(e.timer);
    if (e.pc) this.#sampler.forget(e.pc);
    e.video.srcObject = null;
    e.tile.remove();
    this.#remote.delete(id);
  }

  #toggleStats(entry) {
    clearInterval(entry.timer);
    entry.timer = null;
    if (!entry.stats.open) return;
    const refresh = async () => {
      if (!entry.pc || entry.pc.connectionState === 'closed') return;
      const s = await this.#sampler.sample(entry.pc).catch(() => null);
      if (!s) return;
      entry.statsList.replaceChildren(...Object.entries({
        'In': `${s.inKbps} kbit/s`, 'Out': `${s.outKbps} kbit/s`, 'RTT': s.rttMs == null ? '–' : `${s.rttMs} ms`,
        'Lost': String(s.lost), 'Video': s.resolution ?? '–', 'Codec': s.codec ?? '–',
      }).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
    };
    refresh();
    entry.timer = setInterval(refresh, STATS_MS);
  }

  dispose() {
    for (const id of [...this.#remote.keys()]) this.remove(id);
    this.localVideo.srcObject = null;
    this.element.remove();
  }
}

function icons() {
  return [
    h('span', { class: 'icon mic-off', title: 'Microphone off', dataset: { testid: 'mic-muted' } }, '🔇'),
    h('span', { class: 'icon cam-off', title: 'Camera off', dataset: { testid: 'camera-off' } }, '🚫📷'),
  ];
}
