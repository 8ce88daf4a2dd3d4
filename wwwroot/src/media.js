// Entry point of the call UI (esbuild entry "media"), mounted by the MediaPanel component into its element.
// It waits for the page's room client, runs the call while the room is joined (restarting it after every
// rejoin) and tears everything down on dispose(). Nothing is put on window; tests read debugCounts().
import { currentRoom } from './room/current-room.js';
import { Tiles } from './media/tiles.js';
import { Call } from './media/call.js';
import { Controls } from './media/controls.js';
import { FilesPanel } from './files/files-panel.js';
import { RecordingsPanel } from './recording/recordings-panel.js';

let mounted = null;

export function mount(root) {
  const panel = new MediaPanel(root);
  mounted = panel;
  return { dispose: () => { if (mounted === panel) mounted = null; return panel.dispose(); } };
}

/** Live resources of the mounted panel, for leak tests. */
export function debugCounts() {
  return mounted?.counts() ?? null;
}

/** Restarts ICE on every peer connection at once (what a network change triggers); tests use it to force glare. */
export function restartIce() {
  return mounted?.restartIce() ?? 0;
}

class MediaPanel {
  #root;
  #disposed = false;
  #offs = [];
  #tiles;
  #call = null;
  #controls;
  #files;
  #recordings;
  #status;

  constructor(root) {
    this.#root = root;
    this.#init();
  }

  async #init() {
    const room = await currentRoom();
    if (this.#disposed) return;
    this.#tiles = new Tiles();
    this.#call = new Call(room, this.#tiles);
    this.#controls = new Controls(this.#call, this.#tiles);
    this.#files = new FilesPanel(this.#call);
    this.#recordings = new RecordingsPanel(this.#call, this.#tiles, room.roomId);
    this.#root.replaceChildren(this.#tiles.element, this.#controls.element, this.#files.element, this.#recordings.element);
    this.#root.dataset.ready = 'true';
    this.#offs.push(this.#call.on('started', () => { this.#root.dataset.participant = this.#call.selfId; }));
    // `?call=off` on the room URL opens the room without entering the call (the "Join call" button still works):
    // for people who only want the editor, and for typing benchmarks that should not measure video encoding.
    const autoJoin = new URLSearchParams(location.search).get('call') !== 'off';
    this.#offs.push(
      room.on('joined', () => { this.#controls.roomJoined = true; if (autoJoin) this.#run(() => this.#call.start()); }),
      room.on('left', () => { this.#controls.roomJoined = false; this.#run(() => this.#call.stop()); }),
      // An interviewer muted this participant (RoomHub.MuteParticipant): turn the microphone off, as the toggle would.
      room.on('mute-requested', () => { this.#call.setMic(false); this.#controls.render(); }));
    if (room.participantId) {
      this.#controls.roomJoined = true;
      if (autoJoin) this.#run(() => this.#call.start());
    }
  }

  // Start and stop run one after the other, in call order.
  #queue = Promise.resolve();
  #run(step) {
    this.#queue = this.#queue.then(step).catch((error) => console.warn('call:', error)).finally(() => this.#controls?.render());
    return this.#queue;
  }

  restartIce() {
    for (const link of this.#call?.links.values() ?? []) link.restartIce();
    return this.#call?.links.size ?? 0;
  }

  counts() {
    const call = this.#call;
    return {
      links: call?.links.size ?? 0,
      peers: call?.peers.size ?? 0,
      localTracks: call?.local?.stream.getTracks().length ?? 0,
      callListeners: call?.listenerCount ?? 0,
      active: call?.active ?? false,
      recordingUrls: this.#recordings?.liveUrls ?? 0,
    };
  }

  async dispose() {
    this.#disposed = true;
    for (const off of this.#offs) off();
    await this.#run(() => this.#call?.stop());
    this.#recordings?.dispose();
    this.#files?.dispose();
    this.#controls?.dispose();
    this.#tiles?.dispose();
    this.#call?.clear();
    delete this.#root.dataset.ready;
  }
}
