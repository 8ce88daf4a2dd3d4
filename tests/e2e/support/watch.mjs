// Page helpers for watch-together, written against the data-testid contract (DESIGN.md §5).
import { waitFor } from './wait.mjs';

export async function waitWatchReady(page) {
  await page.locator('.watch-player-host[data-ready="true"] [data-testid="player"]').waitFor({ timeout: 20_000 });
}

export async function loadVideo(page, url, { queue = false } = {}) {
  await waitWatchReady(page);
  await page.getByTestId('video-url').fill(url);
  await page.getByTestId(queue ? 'queue-add' : 'video-load').click();
}

/** The local player's position and state, with the wall time it was read at (both pages share the machine's clock). */
export function readPlayer(page) {
  return page.evaluate(() => {
    const player = document.querySelector('[data-testid="player"]');
    const media = player?.querySelector('video');
    return {
      at: Date.now(),
      position: media ? media.currentTime : Number(player?.dataset.position ?? 0),
      attribute: Number(player?.dataset.position ?? 0),
      playing: player?.dataset.playing === 'true',
      kind: player?.dataset.kind ?? null,
      rate: media ? media.playbackRate : 1,
      paused: media ? media.paused : true,
    };
  });
}

/** |position(a) − position(b)| at one instant (b's reading moved to a's time at the playing rate). */
export async function gap(a, b) {
  const [ra, rb] = await Promise.all([readPlayer(a), readPlayer(b)]);
  const moved = rb.playing && !rb.paused ? rb.position + (ra.at - rb.at) / 1000 * rb.rate : rb.position;
  return Math.abs(ra.position - moved);
}

export async function waitPlaying(page, playing, { kind, timeout = 20_000 } = {}) {
  await waitFor(async () => {
    const state = await readPlayer(page);
    return state.playing === playing && (!kind || state.kind === kind) && (playing ? !state.paused : state.paused);
  }, { timeout, message: `player ${playing ? 'playing' : 'paused'}${kind ? ` (${kind})` : ''}` });
}

export async function waitPosition(page, predicate, message, timeout = 20_000) {
  return waitFor(async () => {
    const state = await readPlayer(page);
    return predicate(state.position) ? state : null;
  }, { timeout, message });
}

export async function seekTo(page, seconds) {
  await page.getByTestId('player-seek').evaluate((range, value) => {
    if (Number(range.max) < value) range.max = String(value);
    range.value = String(value);
    range.dispatchEvent(new Event('input', { bubbles: true }));
    range.dispatchEvent(new Event('change', { bubbles: true }));
  }, seconds);
}

export function debugState(page) {
  return page.evaluate(async () => (await import('/client/dist/watch.js')).debugState());
}
