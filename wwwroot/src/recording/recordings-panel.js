// Recording controls and the list of recordings: record-start / record-stop, a choice of what to record (the
// composed call or the shared screen), a "recording" indicator while anyone in the room records, and recording
// items with duration, size, preview, an <a download> link and an upload to the room (recording-upload; the room's
// list itself is rendered by Blazor, RoomRecordings.razor). While the call is composed, the panel's
// data-composed-videos says how many videos the last frame drew. Object URLs are revoked when an item is deleted
// and on dispose(), and uploads still running are aborted.
import { h, formatBytes } from '../media/dom.js';
import { CallRecorder } from './recorder.js';
import { uploadRecording } from './upload.js';

export class RecordingsPanel {
  element;
  #call;
  #tiles;
  #roomId;
  #uploads = new AbortController();
  #recorder = new CallRecorder();
  #start;
  #stop;
  #mode;
  #indicator;
  #list = h('ul', { class: 'recordings' });
  #urls = new Set();
  #offs = [];
  #count = 0;
  #screenMode = false;

  /** @param roomId the room uploads go to */
  constructor(call, tiles, roomId) {
    this.#call = call;
    this.#tiles = tiles;
    this.#roomId = roomId;
    this.#mode = h('select', { dataset: { testid: 'record-source' } }, h('option', { value: 'call' }, 'Whole call'), h('option', { value: 'screen' }, 'Shared screen'));
    this.#mode.setAttribute('aria-label', 'What to record');
    this.#start = h('button', { class: 'button', type: 'button', dataset: { testid: 'record-start' }, onclick: () => this.#begin() }, '● Record');
    this.#stop = h('button', { class: 'button danger', type: 'button', hidden: true, dataset: { testid: 'record-stop' }, onclick: () => this.#end() }, '■ Stop');
    this.#indicator = h('p', { class: 'recording-indicator', hidden: true, role: 'status', dataset: { testid: 'recording-indicator' } }, '● Recording in progress');
    this.element = h('section', { class: 'recording-panel', 'aria-label': 'Recording', dataset: { testid: 'recording-panel' } },
      h('h2', {}, 'Recording'), this.#indicator, h('div', { class: 'record-controls' }, this.#mode, this.#start, this.#stop), this.#list);
    this.#offs.push(call.on('peers', () => this.#renderIndicator()), call.on('state', () => this.#onState()),
      call.on('stopped', () => { if (this.#recorder.recording) this.#end(); }));
  }

  #renderIndicator() {
    const anyone = this.#call.state.recording || [...this.#call.peers.values()].some((p) => p.state.recording);
    this.#indicator.hidden = !anyone;
  }

  #onState() {
    this.#renderIndicator();
    // Recording the screen ends with the share, so the capture is not kept alive by the recording's clone.
    if (this.#screenMode && this.#recorder.recording && !this.#call.sharing) this.#end();
  }

  #begin() {
    if (this.#recorder.recording) return;
    const links = [...this.#call.links.values()];
    const mode = this.#mode.value === 'screen' && this.#call.screenTrack ? 'screen' : 'call';
    this.#screenMode = mode === 'screen';
    this.#recorder.start({
      videos: () => this.#tiles.videos(),
      onFrame: (count) => { this.element.dataset.composedVideos = String(count); },
      audioTracks: [this.#call.local?.audioTrack, ...links.flatMap((l) => l.remoteStream.getAudioTracks())],
      screenTrack: this.#call.screenTrack,
    }, mode);
    this.#start.hidden = true;
    this.#stop.hidden = false;
    this.#call.setRecording(true);
  }

  async #end() {
    this.#stop.hidden = true;
    const result = await this.#recorder.stop();
    delete this.element.dataset.composedVideos;
    this.#start.hidden = false;
    this.#call.setRecording(false);
    if (result) this.#add(result);
  }

  #add({ blob, durationMs }) {
    const url = URL.createObjectURL(blob);
    this.#urls.add(url);
    const seconds = durationMs / 1000;
    const name = `interview-recording-${++this.#count}-${new Date().toISOString().replace(/[:.]/g, '-')}.webm`;
    const item = h('li', { class: 'recording', dataset: { testid: 'recording', duration: seconds.toFixed(2), size: String(blob.size) } },
      h('video', { src: url, controls: true, preload: 'metadata', class: 'recording-preview' }),
      h('span', { class: 'hint' }, `${formatDuration(seconds)} · ${formatBytes(blob.size)}`),
      h('a', { href: url, download: name, class: 'button small' }, 'Download'),
      h('button', { class: 'button small', type: 'button', dataset: { testid: 'recording-upload' }, onclick: (e) => this.#upload(e.currentTarget, status, blob, name) }, 'Upload to room'),
      h('button', { class: 'button small', type: 'button', onclick: () => this.#remove(item, url) }, 'Delete'));
    const status = h('span', { class: 'hint upload-status', role: 'status', dataset: { testid: 'recording-upload-status' } });
    item.append(status);
    this.#list.prepend(item);
  }

  async #upload(button, status, blob, name) {
    button.disabled = true;
    status.dataset.state = 'uploading';
    status.textContent = 'Uploading…';
    try {
      await uploadRecording({
        roomId: this.#roomId, blob, name, signal: this.#uploads.signal,
        onProgress: (part) => { status.textContent = `Uploading… ${Math.round(part * 100)} %`; },
      });
      status.dataset.state = 'done';
      status.textContent = 'Uploaded to the room';
    } catch (error) {
      status.dataset.state = 'failed';
      status.textContent = error.message;
      button.disabled = false;
    }
  }

  #remove(item, url) {
    const preview = item.querySelector('video');
    preview.removeAttribute('src');
    preview.load();
    URL.revokeObjectURL(url);
    this.#urls.delete(url);
    item.remove();
  }

  /** Object URLs currently held (for leak checks). */
  get liveUrls() { return this.#urls.size; }

  dispose() {
    for (const off of this.#offs) off();
    this.#uploads.abort();
    this.#recorder.dispose();
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls.clear();
    this.element.remove();
  }
}

function formatDuration(s) {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}
