// The candidate's "you are being watched" indicator: hidden while nobody watches; otherwise a small box saying
// who watches which stream and whether it is live, which the candidate can minimize to a dot (and expand again).

import { h } from '../media/dom.js';

export class WatchIndicator {
  element;
  #text;
  #toggle;
  #minimized = false;

  constructor() {
    this.#text = h('span', { class: 'watch-indicator-text' });
    this.#toggle = h('button', {
      class: 'watch-indicator-minimize', type: 'button', 'data-testid': 'watch-indicator-minimize',
      'aria-expanded': 'true', title: 'Minimize',
    }, '–');
    this.#toggle.addEventListener('click', this.#onToggle);
    this.element = h('div', { class: 'watch-indicator', 'data-testid': 'watch-indicator', role: 'status', 'aria-live': 'polite', hidden: '' },
      h('span', { class: 'watch-indicator-dot', 'aria-hidden': 'true' }), this.#text, this.#toggle);
  }

  /** @param streams [{ name, kind, state }] — state 'connecting' | 'retrying' | 'live' */
  update(streams) {
    this.element.hidden = streams.length === 0;
    this.element.dataset.count = String(streams.length);
    this.element.dataset.state = streams.some((s) => s.state === 'live') ? 'live' : 'connecting';
    const parts = streams.map((s) => `${s.kind} → ${s.name}${s.state === 'live' ? '' : ` (${s.state}…)`}`);
    this.#text.textContent = streams.length === 0 ? '' : `Observed: ${parts.join(', ')}`;
  }

  #onToggle = () => {
    this.#minimized = !this.#minimized;
    this.element.dataset.minimized = String(this.#minimized);
    this.#toggle.setAttribute('aria-expanded', String(!this.#minimized));
    this.#toggle.title = this.#minimized ? 'Show' : 'Minimize';
    this.#toggle.textContent = this.#minimized ? '+' : '–';
  };

  dispose() {
    this.#toggle.removeEventListener('click', this.#onToggle);
    this.element.remove();
  }
}
