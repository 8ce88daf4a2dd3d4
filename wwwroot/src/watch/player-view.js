// The `player` element (DESIGN.md §5): the video itself, play / pause buttons, a seek range in seconds, the
// time and the room's playback speed (player-rate, a select whose value is the rate everyone plays at). Attributes for tests and tools: data-position (seconds, the local player's position, refreshed 10 times
// a second while it moves), data-playing (true|false, the room's state as applied here), data-kind (html5|youtube|none),
// data-drift-ms (local position − expected position), data-rate (the local playback rate).

export class PlayerView {
  element = document.createElement('div');
  #stage = document.createElement('div');
  #play = button('player-play', 'Play', '▶');
  #pause = button('player-pause', 'Pause', '⏸');
  #seek = document.createElement('input');
  #time = document.createElement('span');
  #unmute = button('player-unmute', 'Unmute', '🔇 Unmute');
  #notice = document.createElement('p');
  #rate = document.createElement('select');
  #dragging = false;

  /** `actions`: { play(), pause(), seek(seconds), rate(r) }, each returning a promise that rejects with a user
   * message, and unmute(). */
  constructor(actions) {
    const el = this.element;
    el.className = 'watch-player';
    el.dataset.testid = 'player';
    el.dataset.position = '0';
    el.dataset.playing = 'false';
    el.dataset.kind = 'none';
    this.#stage.className = 'watch-stage';
    this.#stage.innerHTML = '<p class="hint">Nothing is playing. Paste a YouTube link or a video file URL above.</p>';
    this.#seek.type = 'range';
    this.#seek.min = '0';
    this.#seek.max = '0';
    this.#seek.step = 'any';
    this.#seek.value = '0';
    this.#seek.dataset.testid = 'player-seek';
    this.#seek.setAttribute('aria-label', 'Position');
    this.#time.className = 'watch-time';
    this.#rate.dataset.testid = 'player-rate';
    this.#rate.setAttribute('aria-label', 'Playback speed');
    for (const r of RATES) this.#rate.append(new Option(`${r}×`, String(r), r === 1, r === 1));
    this.#unmute.hidden = true;
    this.#notice.className = 'form-error';
    this.#notice.dataset.testid = 'player-error';
    this.#notice.hidden = true;
    const bar = document.createElement('div');
    bar.className = 'watch-bar';
    bar.append(this.#play, this.#pause, this.#seek, this.#time, this.#rate, this.#unmute);
    el.append(this.#stage, bar, this.#notice);

    const run = (action) => action().then(() => this.showError(null), (error) => this.showError(error.message));
    this.#play.addEventListener('click', () => run(actions.play));
    this.#pause.addEventListener('click', () => run(actions.pause));
    this.#seek.addEventListener('input', () => { this.#dragging = true; });
    this.#seek.addEventListener('change', () => {
      this.#dragging = false;
      run(() => actions.seek(Number(this.#seek.value)));
    });
    this.#rate.addEventListener('change', () => run(() => actions.rate(Number(this.#rate.value))));
    this.#unmute.addEventListener('click', () => { actions.unmute(); this.#unmute.hidden = true; });
  }

  /** Puts the player's element (a <video> or the YouTube host) on stage, or the empty hint. */
  show(media) {
    if (media) this.#stage.replaceChildren(media);
    else this.#stage.innerHTML = '<p class="hint">Nothing is playing. Paste a YouTube link or a video file URL above.</p>';
  }

  set kind(value) { this.element.dataset.kind = value; }
  set playing(value) {
    this.element.dataset.playing = value ? 'true' : 'false';
    // Both buttons stay visible and usable (tests and keyboards find them at any time); the current one is marked.
    this.#play.setAttribute('aria-pressed', value ? 'true' : 'false');
    this.#pause.setAttribute('aria-pressed', value ? 'false' : 'true');
  }
  set controllable(value) {
    this.#play.disabled = this.#pause.disabled = this.#seek.disabled = this.#rate.disabled = !value;
    this.element.dataset.controllable = value ? 'true' : 'false';
  }
  /** The room's rate (a rate set through the API that is not in the list gets its own entry). */
  set roomRate(value) {
    const text = String(value);
    if (![...this.#rate.options].some((o) => o.value === text)) this.#rate.append(new Option(`${value}×`, text));
    set(this.#rate, 'value', text);
  }
  set duration(seconds) {
    const max = seconds && Number.isFinite(seconds) ? seconds : 0;
    if (this.#seek.max !== String(max)) this.#seek.max = String(max);
  }

  /** Refreshes position-derived attributes (called 10 times a second). */
  update({ position, drift, rate, duration }) {
    // Only what changed is written: an idle player costs nothing 10 times a second.
    const el = this.element;
    set(el.dataset, 'position', position.toFixed(3));
    set(el.dataset, 'driftMs', drift === null ? '' : String(Math.round(drift * 1000)));
    set(el.dataset, 'rate', rate.toFixed(3));
    if (!this.#dragging) {
      // A range clamps its value to max: raise max first when the duration is not known yet.
      if (Number(this.#seek.max) < position) this.#seek.max = String(Math.ceil(position));
      set(this.#seek, 'value', String(position));
    }
    set(this.#time, 'textContent', duration ? `${clock(position)} / ${clock(duration)}` : clock(position));
  }

  offerUnmute() { this.#unmute.hidden = false; }

  showError(message) {
    this.#notice.hidden = !message;
    this.#notice.textContent = message ?? '';
  }
}

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];

function set(target, key, value) {
  if (target[key] !== value) target[key] = value;
}

function button(testId, label, text) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button small';
  b.dataset.testid = testId;
  b.setAttribute('aria-label', label);
  b.textContent = text;
  return b;
}

function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
