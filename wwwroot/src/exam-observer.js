// The observer's side of an exam dashboard (esbuild entry "exam-observer"), mounted by ExamDashboard.razor. It has
// a hub connection of its own: it opens the dashboard with the observer pass (WatchExam, again after every
// reconnect, keeping its watcher id), turns clicks on the cards' [data-stream-action] buttons into RequestStream /
// StopStream, answers the candidates' offers and shows each stream as an observed-video. The cards themselves are
// rendered by Blazor from the exam actor's snapshots. Nothing is put on window; tests read debugState().
import { createHubConnection, startWithRetry, HubConnectionState } from './room/hub-connection.js';
import { hubErrorText } from './room/hub-errors.js';
import { ObservedLink } from './proctoring/observed-link.js';
import { h } from './media/dom.js';
import { ExamHub, kindToWire, iceServersFromWire, signalFromWire, sendSignal, activeStreamFromWire } from './proctoring/wire.js';

let mounted = null;

export function mount(root, videos, testId, pass, dotnet) {
  const dashboard = new ObserverDashboard(root, videos, testId, pass, dotnet);
  mounted = dashboard;
  return { dispose: () => { if (mounted === dashboard) mounted = null; return dashboard.dispose(); } };
}

/** For tests: { watcherId, links: [{ candidateId, kind, link, state }] }. */
export function debugState() {
  return mounted?.state() ?? null;
}

class ObserverDashboard {
  #root;
  #videos;
  #testId;
  #pass;
  #dotnet;
  #connection = createHubConnection();
  #abort = new AbortController();
  #watcherId = null;
  #iceServers = [];
  #links = new Map(); // `${candidateId}:${kind}` → { link: ObservedLink, tile }
  #names = new Map(); // candidate id → name (from WatchingChanged)
  #error;

  constructor(root, videos, testId, pass, dotnet) {
    this.#root = root;
    this.#videos = videos;
    this.#testId = testId;
    this.#pass = pass;
    this.#dotnet = dotnet;
    this.#error = h('p', { class: 'exam-error', 'data-testid': 'exam-error', role: 'alert', hidden: '' });
    videos.append(this.#error);
    this.#connection.on(ExamHub.ExamSignal, (s) => this.#onSignal(signalFromWire(s)));
    this.#connection.on(ExamHub.WatchingChanged, (list) => this.#onWatching(list.map(activeStreamFromWire)));
    this.#connection.onreconnected(() => this.#watch());
    this.#connection.onclose(() => { if (!this.#abort.signal.aborted) this.#restart(); });
    root.addEventListener('click', this.#onClick);
    this.#restart();
  }

  async #restart() {
    if (await startWithRetry(this.#connection, this.#abort.signal)) await this.#watch();
  }

  async #watch() {
    try {
      const welcome = await this.#connection.invoke(ExamHub.WatchExam, { TestId: this.#testId, Token: this.#pass, WatcherId: this.#watcherId });
      this.#watcherId = welcome.WatcherId;
      this.#iceServers = iceServersFromWire(welcome.IceServers);
      this.#root.dataset.watcher = this.#watcherId;
      this.#showError(null);
      await this.#dotnet.invokeMethodAsync('OnWatcher', this.#watcherId);
    } catch (error) {
      this.#showError(hubErrorText(error));
    }
  }

  #onClick = async (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-stream-action]') : null;
    if (!button || button.disabled || this.#connection.state !== HubConnectionState.Connected) return;
    const candidateId = button.dataset.candidate;
    const kind = button.dataset.kind;
    const request = { CandidateId: candidateId, Kind: kindToWire(kind) };
    try {
      if (button.dataset.streamAction === 'request') {
        await this.#connection.invoke(ExamHub.RequestStream, request);
      } else {
        this.#close(`${candidateId}:${kind}`);
        await this.#connection.invoke(ExamHub.StopStream, request);
      }
      this.#showError(null);
    } catch (error) {
      this.#showError(hubErrorText(error));
    }
  };

  #onSignal(signal) {
    const key = `${signal.from}:${signal.kind}`;
    let entry = this.#links.get(key);
    if (signal.bye) { if (entry?.link.link === signal.link) this.#close(key); return; }
    if (signal.description?.type === 'offer' && entry?.link.link !== signal.link) {
      // A new attempt of the candidate (first offer or a retry): a fresh connection.
      this.#close(key);
      entry = this.#open(signal.from, signal.kind, signal.link);
    }
    if (entry?.link.link === signal.link) entry.link.receive(signal);
  }

  #open(candidateId, kind, linkNumber) {
    const video = h('video', { 'data-testid': 'observed-video', 'data-peer': candidateId, 'data-kind': kind, autoplay: true, playsinline: true });
    video.muted = true;
    const caption = h('figcaption', {}, `${this.#nameOf(candidateId)} · ${kind}`);
    const tile = h('figure', { class: 'observed', 'data-peer': candidateId, 'data-kind': kind, 'data-state': 'connecting' }, video, caption);
    this.#videos.append(tile);
    const link = new ObservedLink({
      candidateId, kind, link: linkNumber, iceServers: this.#iceServers,
      send: (message) => sendSignal(this.#connection, candidateId, kind, linkNumber, message),
      onTrack: (stream) => { if (video.srcObject !== stream) video.srcObject = stream; video.play().catch(() => {}); },
      onState: (state) => { tile.dataset.state = state; },
    });
    const entry = { link, tile };
    this.#links.set(`${candidateId}:${kind}`, entry);
    return entry;
  }

  #close(key) {
    const entry = this.#links.get(key);
    if (!entry) return;
    this.#links.delete(key);
    entry.link.dispose();
    entry.tile.querySelector('video').srcObject = null;
    entry.tile.remove();
  }

  /** The streams this observer watches now: any other connection is closed (the candidate left, or a stop). */
  #onWatching(streams) {
    for (const s of streams) this.#names.set(s.candidateId, s.candidateName);
    const wanted = new Set(streams.map((s) => `${s.candidateId}:${s.kind}`));
    for (const key of [...this.#links.keys()]) if (!wanted.has(key)) this.#close(key);
  }

  #nameOf(candidateId) {
    return this.#names.get(candidateId)
      ?? this.#root.querySelector(`[data-testid="candidate-card"][data-participant="${CSS.escape(candidateId)}"]`)?.dataset.name
      ?? 'Candidate';
  }

  #showError(message) {
    this.#error.hidden = !message;
    this.#error.textContent = message ?? '';
  }

  state() {
    return {
      watcherId: this.#watcherId,
      links: [...this.#links.values()].map(({ link }) => ({ candidateId: link.candidateId, kind: link.kind, link: link.link, state: link.pc.connectionState })),
    };
  }

  async dispose() {
    this.#abort.abort();
    this.#root.removeEventListener('click', this.#onClick);
    for (const key of [...this.#links.keys()]) this.#close(key);
    this.#error.remove();
    await this.#connection.stop();
  }
}
