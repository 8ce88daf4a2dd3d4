// Plays the room's video in step with everyone else. The server holds the authoritative playback state; this
// module applies every WatchChanged, and between changes a sync loop compares the local player with the
// expected position (position + (server now − updatedAt) × rate, server time from ServerClock) and corrects it:
// a small drift by nudging the playback rate, a large one by seeking (drift.js). It also reports buffering, the
// end of a video and its duration to the room.
import { ServerClock } from './server-clock.js';
import { expectedPosition, correction } from './drift.js';
import { Html5Player } from './html5-player.js';
import { YouTubePlayer } from './youtube-player.js';
import { PlayerView } from './player-view.js';
import { hubErrorText } from '../room/hub-errors.js';

const TICK_MS = 100; // data-position refresh; drift is corrected every other tick
const CLOCK_RESAMPLE_MS = 10_000;
const BUFFERING_REPORT_MS = 400; // shorter waits (a seek on a local file) are not worth telling the room
const SEEK_SETTLE_MS = 400;

export class WatchSession {
  #room;
  #options;
  #view;
  #clock;
  #state = null;
  #player = null;
  #playerKey = null;
  #ready = false;
  #generation = 0;
  #offs = [];
  #timers = [];
  #ticks = 0;
  #nudging = false;
  #seekLead = 0.05;
  #seekStartedAt = 0;
  #seekPending = false;
  #buffering = false;
  #bufferingReported = false;
  #bufferingTimer = 0;
  #endedReported = null;
  #durationReported = null;
  syncEnabled = true;
  corrections = { seeks: 0, nudges: 0 };

  constructor(room, options) {
    this.#room = room;
    this.#options = options;
    this.#clock = new ServerClock(() => room.connection.invoke('WatchClock'));
    this.#view = new PlayerView({
      play: () => this.#command('WatchPlay', { Position: this.#ready ? this.#player.currentTime : null }),
      pause: () => this.#command('WatchPause', { Position: this.#ready ? this.#player.currentTime : null }),
      seek: (seconds) => this.#command('WatchSeek', { Position: seconds }),
      rate: (rate) => this.#command('WatchRate', rate),
      unmute: () => this.#player?.unmute(),
    });
    room.connection.on('WatchChanged', this.#onChanged);
    this.#offs.push(() => room.connection.off('WatchChanged', this.#onChanged));
    this.#offs.push(room.on('joined', () => this.#sync()));
    if (room.participantId) this.#sync();
    this.#timers.push(setInterval(() => this.#tick(), TICK_MS));
    this.#timers.push(setInterval(() => this.#clock.sample(1), CLOCK_RESAMPLE_MS));
  }

  get element() { return this.#view.element; }
  get clock() { return this.#clock; }

  /** Joined (or rejoined): estimate the clock, then take the room's state (a late joiner lands where the others are). */
  async #sync() {
    await this.#clock.sample(5);
    try {
      this.#onChanged(await this.#room.connection.invoke('WatchSync'));
    } catch (error) {
      console.warn('watch: sync failed', error);
    }
  }

  #onChanged = (state) => {
    const previous = this.#state;
    if (previous && state.Playback.Version < previous.Playback.Version) state = { ...state, Playback: previous.Playback };
    this.#state = state;
    const self = this.#room.participantId;
    this.#view.controllable = state.Control === 'Everyone' || state.Controllers.includes(self);
    this.#view.roomRate = state.Playback.Rate;
    const samePlayback = previous?.Playback.Version === state.Playback.Version && previous?.Playback.Video?.Id === state.Playback.Video?.Id;
    if (!samePlayback) this.#apply();
  };

  async #apply() {
    const playback = this.#state.Playback;
    const video = playback.Video;
    this.#view.playing = Boolean(video && playback.Playing);
    if (!video) { this.#unload(); return; }
    const key = `${video.Kind}:${video.Url}`;
    if (key !== this.#playerKey) { await this.#load(video, key); return; }
    if (!this.#ready) return;

    const player = this.#player;
    this.#nudging = false;
    player.rate = playback.Rate;
    if (playback.Playing) {
      const expected = this.#expected();
      if (Math.abs(player.currentTime - expected) > 0.15) this.#seekTo(expected);
      if (player.paused) await player.play();
    } else {
      player.pause();
      if (Math.abs(player.currentTime - playback.Position) > 0.02) this.#seekTo(playback.Position, 0);
    }
  }

  async #load(video, key) {
    this.#unload();
    const generation = ++this.#generation;
    const events = {
      onBuffering: (waiting) => this.#onBuffering(waiting),
      onEnded: () => this.#onEnded(),
      onDuration: (seconds) => this.#onDuration(seconds),
      onError: (message) => this.#view.showError(message),
      onMutedAutoplay: () => this.#view.offerUnmute(),
    };
    const player = video.Kind === 'YouTube' ? new YouTubePlayer(events, this.#options.youTubeIframeApiUrl) : new Html5Player(events);
    this.#player = player;
    this.#playerKey = key;
    this.#view.kind = player.kind;
    this.#view.show(player.element);
    this.#view.showError(null);
    try {
      await player.load(video.Kind === 'YouTube' ? video.YouTubeId : video.Url, this.#expected());
    } catch (error) {
      if (generation === this.#generation) this.#view.showError(error.message);
      return;
    }
    if (generation !== this.#generation) return;
    this.#ready = true;
    await this.#apply();
  }

  #unload() {
    this.#generation++;
    this.#player?.dispose();
    this.#player = null;
    this.#playerKey = null;
    this.#ready = false;
    this.#nudging = false;
    this.#view.kind = 'none';
    this.#view.show(null);
  }

  #expected() {
    return expectedPosition(this.#state?.Playback, this.#clock.now());
  }

  /** Seeks ahead by the time seeks take here, so the player lands where the room is when it resumes. */
  #seekTo(seconds, lead = this.#seekLead) {
    this.#player.seek(seconds + lead);
    this.#seekStartedAt = performance.now();
    this.#seekPending = true;
  }

  #tick() {
    const playback = this.#state?.Playback;
    const player = this.#ready ? this.#player : null;
    let drift = null;
    if (player && this.#seekPending && !player.seeking) {
      // Learn how long a seek takes here (moving average, at most a second).
      this.#seekPending = false;
      const took = (performance.now() - this.#seekStartedAt) / 1000;
      this.#seekLead = Math.min(1, 0.7 * this.#seekLead + 0.3 * took);
    }
    if (player && playback?.Playing) {
      drift = player.currentTime - this.#expected();
      if (++this.#ticks % 2 === 0 && this.syncEnabled) this.#correct(player, playback, drift);
    }
    const position = player ? player.currentTime : (playback?.Video ? this.#expected() : 0);
    this.#view.duration = player?.duration ?? playback?.Video?.DurationSeconds ?? 0;
    this.#view.update({ position, drift, rate: player?.rate ?? 1, duration: player?.duration ?? playback?.Video?.DurationSeconds ?? null });
  }

  #correct(player, playback, drift) {
    if (player.seeking || this.#buffering || performance.now() - this.#seekStartedAt < SEEK_SETTLE_MS) return;
    const duration = player.duration ?? playback.Video.DurationSeconds;
    const expected = this.#expected();
    if (duration && expected >= duration - 0.25) { player.rate = playback.Rate; return; }
    if (player.paused) { player.play(); return; }
    const fix = correction(drift, playback.Rate, { nudging: this.#nudging, fineRate: player.fineRate });
    if (fix.action === 'seek') {
      this.corrections.seeks++;
      this.#nudging = false;
      player.rate = playback.Rate;
      this.#seekTo(expected);
    } else {
      if (fix.action === 'nudge' && !this.#nudging) this.corrections.nudges++;
      this.#nudging = fix.action === 'nudge';
      player.rate = fix.rate;
    }
  }

  #onBuffering(waiting) {
    this.#buffering = waiting;
    clearTimeout(this.#bufferingTimer);
    if (waiting && !this.#bufferingReported) {
      this.#bufferingTimer = setTimeout(() => {
        if (!this.#buffering || !this.#state?.Playback.Playing) return;
        this.#bufferingReported = true;
        this.#send('WatchBuffering', true);
      }, BUFFERING_REPORT_MS);
    } else if (!waiting && this.#bufferingReported) {
      this.#bufferingReported = false;
      this.#send('WatchBuffering', false);
    }
  }

  #onEnded() {
    const video = this.#state?.Playback.Video;
    if (!video || !this.#state.Playback.Playing || this.#endedReported === video.Id) return;
    this.#endedReported = video.Id;
    this.#send('WatchEnded', video.Id);
  }

  #onDuration(seconds) {
    const video = this.#state?.Playback.Video;
    if (!video || video.DurationSeconds || this.#durationReported === video.Id) return;
    this.#durationReported = video.Id;
    this.#send('WatchDuration', { VideoId: video.Id, Seconds: seconds });
  }

  #send(method, arg) {
    this.#room.connection.invoke(method, arg).catch((error) => console.warn(`watch: ${method}`, error));
  }

  async #command(method, arg) {
    try {
      await this.#room.connection.invoke(method, arg);
    } catch (error) {
      throw new Error(hubErrorText(error));
    }
  }

  dispose() {
    for (const off of this.#offs) off();
    for (const timer of this.#timers) clearInterval(timer);
    clearTimeout(this.#bufferingTimer);
    this.#unload();
    this.#view.element.remove();
  }
}
