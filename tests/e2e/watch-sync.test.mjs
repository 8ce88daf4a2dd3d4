// Watch together: data-position refresh rate and drift correction in real browsers (local clip, no network).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadVideo, readPlayer, gap, waitPlaying, debugState } from './support/watch.mjs';
import { waitFor } from './support/wait.mjs';
import { useWatchRoom } from './support/watch-suite.mjs';

const { fixtures, twoPeople, bothReady } = useWatchRoom({ before, after });

test('data-position updates at least 4 times a second while playing', async () => {
  const { a, b, close } = await twoPeople();
  try {
    await bothReady(a, b);
    await loadVideo(a, fixtures().clipUrl);
    await waitPlaying(b, true);
    const changes = await b.evaluate(() => new Promise((resolve) => {
      const player = document.querySelector('[data-testid="player"]');
      let count = 0;
      const observer = new MutationObserver((records) => { count += records.filter((r) => r.attributeName === 'data-position').length; });
      observer.observe(player, { attributes: true, attributeFilter: ['data-position'] });
      setTimeout(() => { observer.disconnect(); resolve(count); }, 2000);
    }));
    console.log(`# data-position changed ${changes} times in 2 s`);
    assert.ok(changes >= 8, `only ${changes} updates in 2 s`);
    const state = await readPlayer(b);
    assert.ok(Math.abs(state.attribute - state.position) < 0.3, 'data-position follows the video');
  } finally {
    await close();
  }
});

test('a disturbed player comes back: large drift by seeking, small drift by nudging the rate', async () => {
  const { a, b, close } = await twoPeople();
  try {
    await bothReady(a, b);
    await loadVideo(a, fixtures().clipUrl);
    await Promise.all([waitPlaying(a, true), waitPlaying(b, true)]);
    await waitFor(async () => (await gap(a, b)) < 0.1, { timeout: 15_000, message: 'in step before the disturbance' });
    const before = await debugState(b);

    await b.evaluate(() => { const v = document.querySelector('[data-testid="player"] video'); v.currentTime += 2; });
    assert.ok((await gap(a, b)) > 1.5, 'the disturbance took');
    await waitFor(async () => (await gap(a, b)) < 0.15, { timeout: 10_000, message: 'back within 150 ms after a 2 s jump' });
    assert.ok((await debugState(b)).seeks > before.seeks, 'corrected by seeking');

    await b.evaluate(() => { const v = document.querySelector('[data-testid="player"] video'); v.currentTime -= 0.4; });
    const nudged = await waitFor(async () => { const s = await readPlayer(b); return s.rate > 1.01 ? s.rate : null; }, { message: 'rate nudged up' });
    assert.ok(nudged <= 1.1 + 1e-9, `nudge of ${nudged} is gentle`);
    await waitFor(async () => (await gap(a, b)) < 0.05 && (await readPlayer(b)).rate === 1, { timeout: 20_000, message: 'caught up by nudging, rate back to 1' });
    assert.ok((await debugState(b)).nudges > before.nudges);
  } finally {
    await close();
  }
});
