// A YouTube video played with the YouTube IFrame Player API, behind the same interface as html5-player.js.
// The API script's URL is configurable (Watch:YouTubeIframeApiUrl): production loads YouTube's own
// https://www.youtube.com/iframe_api; the browser tests serve a local fake implementing the subset used here
// (tests/e2e/support/fake-youtube-iframe-api.js).

const PlayerState = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 };

let apiLoading = null;

/** Loads the IFrame API once per page; resolves with window.YT (the API defines that global itself). */
export function loadYouTubeApi(url) {
  if (window.YT?.Player) return Promise.resolve(window.YT);
  apiLoading ??= new Promise((resolve, reject) => {
    // The API calls this global when it is ready (its documented contract); keep any earlier handler working.
    const previous = window.onYouTubeIframeAPIReady;
    window.onYouTubeIframeAPIReady = () => { previous?.(); resolve(window.YT); };
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onerror = () => { apiLoading = null; reject(new Error('The YouTube player could not be loaded.')); };
    document.head.append(script);
  });
  return apiLoading;
}

export class YouTubePlayer {
  kind = 'youtube';
  fineRate = false;
  #apiUrl;
  #events;
  #host = document.createElement('div');
  #player = null;
  #ready = null;
  #state = PlayerState.UNSTARTED;
  #rate = 1;
  #muted = false;
  #wantPlaying = false;
  #autoplayCheck = 0;

  constructor(events, apiUrl) {
    this.#events = events;
    this.#apiUrl = apiUrl;
    this.#host.className = 'watch-youtube';
  }

  get element() { return this.#host; }

  async load(videoId, start = 0) {
    if (this.#player) {
      this.#player.cueVideoById({ videoId, startSeconds: start });
      return;
    }
    const YT = await loadYouTubeApi(this.#apiUrl);
    const target = document.createElement('div');
    this.#host.replaceChildren(target);
    this.#ready = new Promise((resolve) => {
      this.#player = new YT.Player(target, {
        videoId,
        width: '100%',
        height: '100%',
        playerVars: { start: Math.floor(start), autoplay: 0, controls: 0, disablekb: 1, playsinline: 1, rel: 0, origin: location.origin },
        events: {
          onReady: () => resolve(),
          onStateChange: (e) => this.#onState(e.data),
          onError: (e) => this.#events.onError(`YouTube cannot play this video (error ${e.data}).`),
        },
      });
    });
    await this.#ready;
    const rates = this.#player.getAvailablePlaybackRates?.() ?? [1];
    this.fineRate = rates.some((r) => Math.abs(r * 4 - Math.round(r * 4)) > 1e-6);
  }

  #onState(state) {
    this.#state = state;
    if (state === PlayerState.BUFFERING) this.#events.onBuffering(true);
    else if (state === PlayerState.PLAYING || state === PlayerState.PAUSED || state === PlayerState.CUED) this.#events.onBuffering(false);
    if (state === PlayerState.ENDED) this.#events.onEnded();
    const duration = this.duration;
    if (duration) this.#events.onDuration(duration);
  }

  play() {
    this.#wantPlaying = true;
    this.#player?.playVideo();
    // Autoplay policy: YouTube stays unstarted without a gesture; start muted and offer to unmute.
    clearTimeout(this.#autoplayCheck);
    this.#autoplayCheck = setTimeout(() => {
      if (this.#player && this.#wantPlaying && this.#state !== PlayerState.PLAYING && this.#state !== PlayerState.BUFFERING && !this.#muted) {
        this.#player.mute();
        this.#muted = true;
        this.#events.onMutedAutoplay();
        this.#player.playVideo();
      }
    }, 1500);
  }

  pause() { this.#wantPlaying = false; this.#player?.pauseVideo(); }
  seek(seconds) { this.#player?.seekTo(Math.max(0, seconds), true); }
  get currentTime() { return this.#player?.getCurrentTime?.() ?? 0; }
  get duration() { const d = this.#player?.getDuration?.(); return d > 0 ? d : null; }
  get paused() { return this.#state !== PlayerState.PLAYING && this.#state !== PlayerState.BUFFERING; }
  get seeking() { return this.#state === PlayerState.BUFFERING; }
  get rate() { return this.#rate; }
  set rate(value) {
    if (Math.abs(this.#rate - value) < 1e-4) return;
    this.#rate = value;
    this.#player?.setPlaybackRate(value);
  }
  get muted() { return this.#muted; }
  unmute() { this.#player?.unMute(); this.#muted = false; }

  dispose() {
    clearTimeout(this.#autoplayCheck);
    this.#player?.destroy();
    this.#player = null;
    this.#host.remove();
  }
}
