// Session playback (esbuild entry "playback"), opened by PlaybackPanel.razor: fetches the document's history from
// the room hub and lets the user scrub through it on a timeline, play it at a chosen speed, and see who typed what:
// the text at the chosen step is coloured by author, the step's own insertion is highlighted, and the author and
// time of the step are shown. open() returns a handle whose dispose() stops everything.
import { currentRoom } from './room/current-room.js';
import { colorFor } from './editor/remote-cursors.js';
import { fetchHistory, HistoryDocs, authorName, textRuns } from './playback/history.js';

/** Steps per second when playing at 1×. */
const STEPS_PER_SECOND = 10;

/**
 * @param elements { timeline, text, author, time, play, speed, status, legend }: the panel's elements
 * @returns a handle with dispose()
 */
export async function open(elements) {
  const room = await currentRoom();
  const playback = new Playback(elements);
  try {
    elements.status.textContent = 'Loading the history…';
    const history = await fetchHistory(room.connection);
    playback.show(history);
  } catch (error) {
    elements.status.textContent = `The history could not be loaded: ${error?.message ?? error}`;
  }
  return { dispose: () => playback.dispose() };
}

class Playback {
  #elements;
  #docs = null;
  #step = 0;
  #startedAt = null;
  #timer = null;
  #offs = [];

  constructor(elements) {
    this.#elements = elements;
  }

  show(history) {
    const { timeline, play, speed, status } = this.#elements;
    this.#docs = new HistoryDocs(history);
    this.#startedAt = history.baseAt ?? history.steps[0]?.AtMs ?? null;
    timeline.min = '0';
    timeline.max = String(this.#docs.length);
    timeline.step = '1';
    timeline.disabled = false;
    play.disabled = this.#docs.length === 0;
    speed.disabled = false;
    status.textContent = `${this.#docs.length} changes`;
    this.#renderLegend();
    this.#listen(timeline, 'input', () => { this.#pause(); this.#seek(Number(timeline.value)); });
    this.#listen(play, 'click', () => (this.#timer ? this.#pause() : this.#play()));
    this.#listen(speed, 'change', () => { if (this.#timer) { this.#pause(); this.#play(); } });
    this.#seek(this.#docs.length);
  }

  #listen(element, type, handler) {
    element.addEventListener(type, handler);
    this.#offs.push(() => element.removeEventListener(type, handler));
  }

  #play() {
    if (this.#step >= this.#docs.length) this.#seek(0);
    const rate = STEPS_PER_SECOND * (Number(this.#elements.speed.value) || 1);
    // Timers run at most every ~16 ms: faster speeds take several steps per tick.
    const tick = Math.max(16, 1000 / rate);
    const perTick = Math.max(1, Math.round(rate * tick / 1000));
    this.#timer = setInterval(() => {
      this.#seek(this.#step + perTick);
      if (this.#step >= this.#docs.length) this.#pause();
    }, tick);
    this.#elements.play.textContent = 'Pause';
    this.#elements.play.setAttribute('aria-pressed', 'true');
  }

  #pause() {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = null;
    this.#elements.play.textContent = 'Play';
    this.#elements.play.setAttribute('aria-pressed', 'false');
  }

  #seek(step) {
    const docs = this.#docs;
    this.#step = Math.max(0, Math.min(step, docs.length));
    const { timeline, text, author, time } = this.#elements;
    timeline.value = String(this.#step);
    const info = docs.stepInfo(this.#step);
    author.textContent = authorName(info);
    author.style.color = info?.AuthorId ? colorFor(info.AuthorId) : '';
    time.textContent = info ? formatTime(info.AtMs, this.#startedAt) : (this.#startedAt ? formatTime(this.#startedAt, this.#startedAt) : '');
    time.dataset.at = info ? String(info.AtMs) : '';
    text.dataset.step = String(this.#step);
    text.replaceChildren(...this.#renderText(docs.docAt(this.#step), docs.insertedBy(this.#step)));
  }

  // One span per run of text by the same author; what the current step inserted is a <mark>.
  #renderText(doc, inserted) {
    const nodes = [];
    for (const run of textRuns(doc)) {
      const range = inserted.get(run.client);
      const isNew = range && run.clock < range[1] && run.clock + run.text.length > range[0];
      const who = this.#docs.authors.get(run.client);
      const node = document.createElement(isNew ? 'mark' : 'span');
      node.textContent = run.text;
      if (who?.id) node.style.color = colorFor(who.id);
      node.title = who?.name ?? 'Earlier';
      nodes.push(node);
    }
    return nodes;
  }

  #renderLegend() {
    const seen = new Map();
    for (const who of this.#docs.authors.values()) if (!seen.has(who.id)) seen.set(who.id, who);
    const items = [...seen.values()].map((who) => {
      const item = document.createElement('li');
      item.textContent = who.name;
      if (who.id) item.style.color = colorFor(who.id);
      return item;
    });
    this.#elements.legend.replaceChildren(...items);
  }

  dispose() {
    this.#pause();
    for (const off of this.#offs.splice(0)) off();
    this.#docs?.destroy();
    this.#docs = null;
  }
}

/** Clock time of the step, and how far into the session it was. */
function formatTime(atMs, startMs) {
  const at = new Date(atMs);
  const offset = Math.max(0, Math.round((atMs - (startMs ?? atMs)) / 1000));
  const minutes = Math.floor(offset / 60);
  const seconds = String(offset % 60).padStart(2, '0');
  return `${at.toLocaleTimeString()} (+${minutes}:${seconds})`;
}
