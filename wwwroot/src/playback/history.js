// Reads the room document's history from the room hub (EditorHistory, in pages) and rebuilds the document at any
// step with yjs. Step 0 is the history's base (an empty document, or the state the oldest history was folded
// into); step k is the base plus the first k updates. Checkpoints (encoded states) every `interval` steps keep a
// jump anywhere to at most `interval` updates applied onto a fresh Y.Doc; moving forward applies onto the current one.
import * as Y from 'yjs';

const MAX_CHECKPOINTS = 200;

/** Every page of the history; starts over when the server folded the oldest part while we were reading. */
export async function fetchHistory(connection) {
  for (let attempt = 0; attempt < 3; attempt++) {
    let after = 0;
    let first = null;
    const steps = [];
    for (;;) {
      const page = await connection.invoke('EditorHistory', after);
      if (first === null) first = page;
      else if (page.BaseSeq !== first.BaseSeq) break; // folded meanwhile: read again from the new base
      steps.push(...page.Steps);
      if (!page.More || page.Steps.length === 0) {
        return { base: first.Base ?? null, baseAt: first.BaseAtMs ?? null, steps };
      }
      after = page.Steps[page.Steps.length - 1].Seq;
    }
  }
  throw new Error('The history kept changing while it was read; try again.');
}

export class HistoryDocs {
  #base;
  #steps;
  #interval;
  #checkpoints = new Map();
  #doc = null;
  #at = -1;

  /** @param history { base, steps } as fetchHistory returns it */
  constructor({ base, steps }) {
    this.#base = base;
    this.#steps = steps;
    this.#interval = Math.max(50, Math.ceil(steps.length / MAX_CHECKPOINTS));
    this.authors = authorsOfClients(steps);
  }

  get length() { return this.#steps.length; }

  /** The Y.Doc as it was after `step` updates (owned by this object: read it, do not keep it). */
  docAt(step) {
    const target = Math.max(0, Math.min(step, this.#steps.length));
    if (this.#doc === null || target < this.#at || target - this.#at > this.#interval) {
      const checkpoint = Math.floor(target / this.#interval) * this.#interval;
      this.#doc?.destroy();
      this.#doc = new Y.Doc();
      this.#at = 0;
      if (this.#base) Y.applyUpdate(this.#doc, this.#base);
      const state = this.#checkpoints.get(checkpoint);
      if (state) {
        Y.applyUpdate(this.#doc, state);
        this.#at = checkpoint;
      }
    }
    while (this.#at < target) {
      Y.applyUpdate(this.#doc, this.#steps[this.#at].Update);
      this.#at++;
      if (this.#at % this.#interval === 0 && !this.#checkpoints.has(this.#at)) {
        this.#checkpoints.set(this.#at, Y.encodeStateAsUpdate(this.#doc));
      }
    }
    return this.#doc;
  }

  /** The update that led to `step` (1-based; step 0 has none). */
  stepInfo(step) {
    return step > 0 ? this.#steps[step - 1] : null;
  }

  /** Clients (and clock ranges) whose insertions the update of `step` carries. */
  insertedBy(step) {
    const info = this.stepInfo(step);
    if (!info) return new Map();
    const { from, to } = Y.parseUpdateMeta(info.Update);
    const ranges = new Map();
    for (const [client, clock] of from) ranges.set(client, [clock, to.get(client)]);
    return ranges;
  }

  destroy() {
    this.#doc?.destroy();
    this.#doc = null;
    this.#checkpoints.clear();
  }
}

/** Yjs client id → { id, name } of the participant whose update first carried it (client ids are per browser doc). */
function authorsOfClients(steps) {
  const authors = new Map();
  for (const step of steps) {
    const { from } = Y.parseUpdateMeta(step.Update);
    for (const client of from.keys()) {
      if (!authors.has(client)) authors.set(client, { id: step.AuthorId ?? null, name: authorName(step) });
    }
  }
  return authors;
}

export function authorName(step) {
  if (!step) return 'Start';
  if (step.AuthorName) return step.AuthorName;
  return step.AuthorId ? 'A participant' : 'Starter template';
}

/** The text of Y.Text 'monaco' as runs of { text, client, clock }, in document order. */
export function textRuns(doc) {
  const runs = [];
  for (let item = doc.getText('monaco')._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable || typeof item.content?.str !== 'string') continue;
    runs.push({ text: item.content.str, client: item.id.client, clock: item.id.clock });
  }
  return runs;
}
