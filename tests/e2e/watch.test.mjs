// Watch together in real browsers with a direct video: load, pause, seek, speed, a late joiner. A local WebM clip, a fake
// oEmbed endpoint and a fake YouTube IFrame API (support/watch-fixtures.mjs): nothing leaves the machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRoom, joinRoom } from './support/room.mjs';
import { loadVideo, readPlayer, gap, waitPlaying, waitPosition, seekTo } from './support/watch.mjs';
import { waitFor } from './support/wait.mjs';
import { useWatchRoom } from './support/watch-suite.mjs';

const { fixtures, browser, twoPeople, bothReady, server } = useWatchRoom({ before, after });

test('a direct video loaded by one plays for both; pause and seek propagate', async () => {
  const { a, b, close } = await twoPeople();
  try {
    await bothReady(a, b);
    await loadVideo(a, fixtures().clipUrl);
    await Promise.all([waitPlaying(a, true, { kind: 'html5' }), waitPlaying(b, true, { kind: 'html5' })]);
    await waitPosition(b, (p) => p > 1.5, 'Grace\'s video advancing');
    assert.equal(await b.locator('[data-testid="player"] video').count(), 1, 'a <video> inside player');
    await waitFor(async () => (await gap(a, b)) < 0.3, { message: 'players within 0.3 s' });

    await b.getByTestId('player-pause').click();
    await Promise.all([waitPlaying(a, false), waitPlaying(b, false)]);
    await waitFor(async () => (await gap(a, b)) < 0.1, { message: 'paused at the same frame' });
    const paused = (await readPlayer(a)).position;

    await seekTo(a, 30);
    await Promise.all([waitPosition(a, (p) => Math.abs(p - 30) < 0.05, 'Ada at 30 s'), waitPosition(b, (p) => Math.abs(p - 30) < 0.05, 'Grace at 30 s')]);
    assert.ok(Math.abs(paused - 30) > 1, 'the seek moved the players');
    assert.equal((await readPlayer(b)).playing, false, 'a seek while paused stays paused');

    await a.getByTestId('player-play').click();
    await Promise.all([waitPlaying(a, true), waitPlaying(b, true)]);
    await waitPosition(b, (p) => p > 31, 'Grace playing on from 30 s');
    await waitFor(async () => (await gap(a, b)) < 0.3, { message: 'in step after play' });

    // Seeking while playing keeps playing for both.
    await seekTo(b, 60);
    await Promise.all([waitPosition(a, (p) => p >= 60 && p < 63, 'Ada past 60 s'), waitPosition(b, (p) => p >= 60 && p < 63, 'Grace past 60 s')]);
    assert.equal((await readPlayer(a)).playing, true);
  } finally {
    await close();
  }
});

test('a speed chosen by one plays for both, and the players stay together at it', async () => {
  const { a, b, close } = await twoPeople();
  try {
    await bothReady(a, b);
    await loadVideo(a, fixtures().clipUrl);
    await Promise.all([waitPlaying(a, true, { kind: 'html5' }), waitPlaying(b, true, { kind: 'html5' })]);

    await a.getByTestId('player-rate').selectOption('1.5');
    await waitFor(async () => (await b.getByTestId('player-rate').inputValue()) === '1.5', { message: "Grace's speed shows 1.5×" });
    // The local rate is 1.5, give or take the drift correction's nudge of at most 10 %.
    await waitFor(async () => Math.abs((await readPlayer(b)).rate - 1.5) <= 0.15, { message: "Grace's player at 1.5×" });
    const start = await readPlayer(b);
    await waitFor(async () => (await readPlayer(b)).at - start.at >= 2000, { timeout: 5000, message: 'two seconds of playing' });
    const end = await readPlayer(b);
    const speed = (end.position - start.position) / ((end.at - start.at) / 1000);
    assert.ok(speed > 1.3 && speed < 1.7, `Grace's video advanced at ${speed.toFixed(2)}× real time`);
    await waitFor(async () => (await gap(a, b)) < 0.3, { message: 'players within 0.3 s at 1.5×' });

    // Either participant can change it back (the room's control setting is "Everyone").
    await b.getByTestId('player-rate').selectOption('1');
    await waitFor(async () => (await a.getByTestId('player-rate').inputValue()) === '1', { message: "Ada's speed back at 1×" });
  } finally {
    await close();
  }
});

test('a late joiner lands within 0.5 s of the others', async () => {
  const a = await (await browser().newContext()).newPage();
  const b = await (await browser().newContext()).newPage();
  try {
    const roomUrl = await createRoom(a, server().url);
    await joinRoom(a, roomUrl, 'Ada');
    await loadVideo(a, `${fixtures().clipUrl}#t=20`);
    await waitPosition(a, (p) => p > 22, 'Ada playing from 20 s on');

    await joinRoom(b, roomUrl, 'Linus');
    await waitPlaying(b, true, { kind: 'html5' });
    const landed = await waitFor(async () => { const g = await gap(a, b); return g < 0.5 ? g : null; }, { timeout: 15_000, message: 'late joiner within 0.5 s' });
    console.log(`# late joiner within ${(landed * 1000).toFixed(0)} ms of the first`);
    assert.ok((await readPlayer(b)).position > 22);
  } finally {
    await Promise.all([a.context().close(), b.context().close()]);
  }
});
