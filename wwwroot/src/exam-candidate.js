// Invigilation on a candidate's page (esbuild entry "exam-candidate"), mounted by ExamCandidatePanel in rooms that
// belong to a test. It shares the room's hub connection (current-room.js): after every join it tells the server it
// is ready and gets the observers watching it; it keeps one one-way stream (StreamLink) per observer and kind,
// shows the watch indicator, and reports focus events (queued while the room is not joined). Nothing is put on
// window; tests read debugState().
import { currentRoom } from './room/current-room.js';
import { FocusTracker } from './proctoring/focus-tracker.js';
import { WatchIndicator } from './proctoring/watch-indicator.js';
import { StreamLink } from './proctoring/stream-link.js';
import { StreamSources } from './proctoring/stream-sources.js';
import { ExamHub, FocusWire, iceServersFromWire, watcherFromWire, signalFromWire, sendSignal } from './proctoring/wire.js';

const MAX_QUEUED_REPORTS = 50;

let mounted = null;

export function mount(root) {
  const panel = new CandidateInvigilation(root);
  mounted = panel;
  return { dispose: () => { if (mounted === panel) mounted = null; return panel.dispose(); } };
}

/** The live streams of the mounted module, for tests: [{ watcherId, kind, state, link, attempts }]. */
export function debugState() {
  return mounted?.state() ?? null;
}

class CandidateInvigilation {
  #root;
  #room = null;
  #disposed = false;
  #offs = [];
  #indicator = new WatchIndicator();
  #tracker;
  #sources = new StreamSources();
  #links = new Map(); // `${watcherId}:${kind}` → { link: StreamLink, name }
  #iceServers = [];
  #ready = false;
  #queue = [];

  constructor(root) {
    this.#root = root;
    root.append(this.#indicator.element);
    this.#tracker = new FocusTracker((kind, detail) => this.#report(kind, detail));
    this.#init();
  }

  async #init() {
    const room = await currentRoom();
    if (this.#disposed) return;
    this.#room = room;
    const connection = room.connection;
    const onWatch = (state) => this.#apply(state.Watchers.map(watcherFromWire));
    const onSignal = (signal) => this.#onSignal(signalFromWire(signal));
    connection.on(ExamHub.ObserversChanged, onWatch);
    connection.on(ExamHub.ExamSignal, onSignal);
    this.#offs.push(
      () => connection.off(ExamHub.ObserversChanged, onWatch),
      () => connection.off(ExamHub.ExamSignal, onSignal),
      room.on('joined', () => this.#start()),
      room.on('left', () => { this.#ready = false; this.#apply([]); }));
    if (room.participantId) this.#start();
  }

  async #start() {
    this.#ready = false;
    try {
      const welcome = await this.#room.connection.invoke(ExamHub.ExamCandidateReady);
      if (this.#disposed) return;
      this.#iceServers = iceServersFromWire(welcome.IceServers);
      this.#root.dataset.ready = 'true';
      this.#root.dataset.participant = welcome.ParticipantId;
      this.#ready = true;
      this.#apply(welcome.Watchers.map(watcherFromWire));
      this.#flush();
    } catch (error) {
      console.warn('invigilation:', error);
    }
  }

  /** Keeps exactly one stream per (observer, kind) the server lists; closes the others. */
  #apply(watchers) {
    const wanted = new Map(watchers.map((w) => [`${w.watcherId}:${w.kind}`, w]));
    for (const [key, entry] of this.#links) {
      if (!wanted.has(key)) { entry.link.dispose(); this.#links.delete(key); }
    }
    for (const [key, w] of wanted) {
      if (this.#links.has(key) || !this.#ready) continue;
      const link = new StreamLink({
        watcherId: w.watcherId, kind: w.kind, sources: this.#sources, iceServers: this.#iceServers,
        send: (n, message) => sendSignal(this.#room.connection, w.watcherId, w.kind, n, message),
        onState: () => this.#render(),
      });
      this.#links.set(key, { link, name: w.name });
    }
    this.#render();
  }

  #onSignal(signal) {
    this.#links.get(`${signal.from}:${signal.kind}`)?.link.receive(signal);
  }

  #render() {
    this.#indicator.update([...this.#links.values()].map(({ link, name }) => ({ name, kind: link.kind, state: link.state })));
  }

  #report(kind, detail) {
    this.#queue.push({ Kind: FocusWire[kind], Detail: detail });
    if (this.#queue.length > MAX_QUEUED_REPORTS) this.#queue.shift();
    this.#flush();
  }

  // One sender at a time, in order; a report that could not leave (connection gone) waits for the next join.
  #flushing = false;
  async #flush() {
    if (this.#flushing) return;
    this.#flushing = true;
    const connection = this.#room?.connection;
    try {
      while (this.#ready && connection?.state === 'Connected' && this.#queue.length > 0) {
        const report = this.#queue[0];
        try {
          await connection.invoke(ExamHub.ReportFocus, report);
        } catch (error) {
          if (connection.state !== 'Connected') break;
          console.warn('focus event refused:', error?.message ?? error);
        }
        this.#queue.shift();
      }
    } finally {
      this.#flushing = false;
    }
  }

  state() {
    return [...this.#links.values()].map(({ link }) => ({
      watcherId: link.watcherId, kind: link.kind, state: link.state, link: link.link, attempts: link.attempts,
    }));
  }

  dispose() {
    this.#disposed = true;
    for (const off of this.#offs) off();
    this.#tracker.dispose();
    for (const { link } of this.#links.values()) link.dispose();
    this.#links.clear();
    this.#sources.dispose();
    this.#indicator.dispose();
    delete this.#root.dataset.ready;
  }
}
