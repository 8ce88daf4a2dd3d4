// A direct video URL played in a <video> element. The player interface shared with youtube-player.js:
// load(source, start) · play() · pause() · seek(t) · currentTime · duration · paused · rate · fineRate ·
// muted / unmute() · element · dispose(); events via the `events` object given to the constructor:
// onBuffering(bool), onEnded(), onDuration(seconds), onError(message), onMutedAutoplay().

export class Html5Player {
  kind = 'html5';
  fineRate = true;
  #video = document.createElement('video');
  #events;
  #offs = [];

  constructor(events) {
    this.#events = events;
    const video = this.#video;
    video.playsInline = true;
    video.preload = 'auto';
    video.className = 'watch-video';
    const on = (name, fn) => { video.addEventListener(name, fn); this.#offs.push(() => video.removeEventListener(name, fn)); };
    on('waiting', () => events.onBuffering(true));
    on('stalled', () => { if (video.readyState < HTMLMediaElement.HAVE_FUTURE_DATA) events.onBuffering(true); });
    for (const name of ['playing', 'canplay', 'seeked', 'pause']) on(name, () => { if (video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) events.onBuffering(false); });
    on('ended', () => events.onEnded());
    on('durationchange', () => { if (Number.isFinite(video.duration) && video.duration > 0) events.onDuration(video.duration); });
    on('error', () => events.onError(`This video cannot be played here (${mediaError(video.error)}).`));
  }

  get element() { return this.#video; }

  /** Ready to report positions: resolves when the element has its metadata (or failed). */
  load(url, start = 0) {
    const video = this.#video;
    video.src = url;
    return new Promise((resolve) => {
      const done = () => { video.removeEventListener('loadedmetadata', done); video.removeEventListener('error', done); resolve(); };
      video.addEventListener('loadedmetadata', done);
      video.addEventListener('error', done);
      if (start > 0) video.currentTime = start;
    });
  }

  async play() {
    try {
      await this.#video.play();
    } catch (error) {
      if (error?.name !== 'NotAllowedError') return;
      // Autoplay with sound needs a user gesture on this page: play muted, and offer to unmute.
      this.#video.muted = true;
      this.#events.onMutedAutoplay();
      await this.#video.play().catch(() => {});
    }
  }

  pause() { this.#video.pause(); }
  seek(seconds) { this.#video.currentTime = Math.max(0, seconds); }
  get currentTime() { return this.#video.currentTime; }
  get duration() { return Number.isFinite(this.#video.duration) ? this.#video.duration : null; }
  get paused() { return this.#video.paused; }
  get seeking() { return this.#video.seeking; }
  get rate() { return this.#video.playbackRate; }
  set rate(value) { if (Math.abs(this.#video.playbackRate - value) > 1e-4) this.#video.playbackRate = value; }
  get muted() { return this.#video.muted; }
  unmute() { this.#video.muted = false; }

  dispose() {
    for (const off of this.#offs) off();
    this.#video.pause();
    this.#video.removeAttribute('src');
    this.#video.load();
    this.#video.remove();
  }
}

function mediaError(error) {
  const names = { 1: 'aborted', 2: 'network error', 3: 'cannot decode', 4: 'format or address not supported' };
  return names[error?.code] ?? 'unknown error';
}
