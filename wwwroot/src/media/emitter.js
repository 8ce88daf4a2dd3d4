// Minimal event emitter: on(event, fn) returns its own off().
export class Emitter {
  #listeners = new Map();

  on(event, fn) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event).add(fn);
    return () => this.#listeners.get(event)?.delete(fn);
  }

  emit(event, ...args) {
    for (const fn of this.#listeners.get(event) ?? []) {
      try { fn(...args); } catch (error) { console.error(error); }
    }
  }

  /** Listener count, for leak checks. */
  get listenerCount() { let n = 0; for (const set of this.#listeners.values()) n += set.size; return n; }

  clear() { this.#listeners.clear(); }
}
