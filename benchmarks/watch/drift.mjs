// Watch-together drift benchmark: two browsers (contexts) in one room play the local test clip for a minute with
// pauses and seeks issued from both sides, while each page samples its <video> position every 50 ms. The server's
// expected position comes from the WatchChanged states themselves (position + (t − updatedAt) × rate); browsers and
// server share this machine's clock, so no offset estimate enters the ground truth.
// Printed: p50/p95 |drift| of each player against the server's expected position and between the two players,
// for the synced run and for a baseline run in the same process with drift correction off (events only: each
// client applies play/pause/seek when told, as simple watch-together tools do).
// Usage: node benchmarks/watch/drift.mjs [seconds=60]   (needs the Release build, the client bundle and ffmpeg)
import { AppServer } from '../../tests/e2e/support/server.mjs';
import { launchBrowser } from '../../tests/e2e/support/browser.mjs';
import { twoInRoom } from '../../tests/e2e/support/room.mjs';
import { WatchFixtures, watchEnv } from '../../tests/e2e/support/watch-fixtures.mjs';
import { loadVideo, waitPlaying, seekTo } from '../../tests/e2e/support/watch.mjs';
import { loadavg } from 'node:os';

const seconds = Number(process.argv[2] ?? 60);
const SETTLE_MS = 1000; // samples this soon after a command are transitions, reported apart

const fixtures = await WatchFixtures.start();
const server = await AppServer.start({ env: watchEnv(fixtures) });
const browser = await launchBrowser({ media: 'none' });

const percentile = (values, p) => values.length ? [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(values.length * p))] : NaN;
const ms = (v) => `${(v * 1000).toFixed(0)} ms`;
const summary = (values) => `p50 ${ms(percentile(values, 0.5))}, p95 ${ms(percentile(values, 0.95))} (n=${values.length})`;

async function startSampling(page) {
  await page.evaluate(async () => {
    const { currentRoom } = await import('/client/dist/room.js');
    const room = await currentRoom();
    window.__watchBench = { samples: [], states: [] };
    room.connection.on('WatchChanged', (s) => window.__watchBench.states.push({ at: Date.now(), playback: s.Playback }));
    window.__watchBench.timer = setInterval(() => {
      const video = document.querySelector('[data-testid="player"] video');
      if (video) window.__watchBench.samples.push({ t: Date.now(), pos: video.currentTime, seeking: video.seeking });
    }, 50);
  });
}

async function stopSampling(page) {
  return page.evaluate(() => { clearInterval(window.__watchBench.timer); return window.__watchBench; });
}

/** One minute (or `seconds`) of play with pauses and seeks from both sides; returns both pages' samples and the states. */
async function session({ sync }) {
  const { a, b, close } = await twoInRoom(browser, server.url, { names: ['Ada', 'Grace'] });
  try {
    for (const page of [a, b]) {
      await page.locator('.watch-player-host[data-ready="true"]').waitFor({ timeout: 30_000 });
      await page.evaluate(async (on) => (await import('/client/dist/watch.js')).setSyncEnabled(on), sync);
      await startSampling(page);
    }
    const t0 = Date.now();
    const at = (fraction) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t0 + fraction * seconds * 1000 - Date.now())));
    await loadVideo(a, fixtures.clipUrl);
    await Promise.all([waitPlaying(a, true), waitPlaying(b, true)]);
    const commands = [
      [0.15, () => b.getByTestId('player-pause').click()],
      [0.20, () => a.getByTestId('player-play').click()],
      [0.33, () => seekTo(b, 50)],
      [0.50, () => a.getByTestId('player-pause').click()],
      [0.53, () => seekTo(a, 10)],
      [0.56, () => b.getByTestId('player-play').click()],
      [0.75, () => seekTo(a, 70)],
      [0.85, () => seekTo(b, 30)],
    ];
    for (const [when, command] of commands) { await at(when); await command(); }
    await at(1);
    const [ra, rb] = [await stopSampling(a), await stopSampling(b)];
    return { a: ra.samples, b: rb.samples, states: ra.states };
  } finally {
    await close();
  }
}

/** The playback state in force at wall time t (states are server-stamped; the clocks are the same machine's). */
function stateAt(states, t) {
  let current = null;
  for (const s of states) if (s.playback.UpdatedAt <= t) current = s.playback; else break;
  return current;
}

function expected(playback, t) {
  return playback.Playing ? playback.Position + (t - playback.UpdatedAt) / 1000 * playback.Rate : playback.Position;
}

function analyse({ a, b, states }) {
  states.sort((x, y) => x.playback.Version - y.playback.Version);
  const changes = states.map((s) => s.playback.UpdatedAt);
  const settling = (t) => changes.some((c) => t >= c && t - c < SETTLE_MS);
  const result = { steady: [], transitions: [], pair: [] };
  for (const samples of [a, b]) {
    for (const s of samples) {
      const playback = stateAt(states, s.t);
      if (!playback?.Video || !playback.Playing) continue;
      const drift = Math.abs(s.pos - expected(playback, s.t));
      (settling(s.t) ? result.transitions : result.steady).push(drift);
    }
  }
  // Player A against player B at the same instant (B interpolated between its neighbouring samples).
  let j = 0;
  for (const s of a) {
    const playback = stateAt(states, s.t);
    if (!playback?.Playing || settling(s.t)) continue;
    while (j + 1 < b.length && b[j + 1].t <= s.t) j++;
    const [p, q] = [b[j], b[j + 1]];
    if (!p || !q || p.t > s.t || q.t - p.t > 120) continue;
    const interpolated = p.pos + (q.pos - p.pos) * (s.t - p.t) / (q.t - p.t);
    result.pair.push(Math.abs(s.pos - interpolated));
  }
  return result;
}

try {
  const loadBefore = loadavg()[0];
  const baseline = analyse(await session({ sync: false }));
  const synced = analyse(await session({ sync: true }));
  const loadAfter = loadavg()[0];
  console.log(`watch drift over ${seconds} s of play with 3 pauses/plays and 4 seeks, 2 browsers, samples every 50 ms`);
  console.log(`load average (1 min) ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
  for (const [name, r] of [['baseline (events only, no drift correction)', baseline], ['synced (rate nudges + seeks)', synced]]) {
    console.log(`\n${name}`);
    console.log(`  player vs server expected, steady:      ${summary(r.steady)}`);
    console.log(`  player vs server expected, ≤1 s after a command: ${summary(r.transitions)}`);
    console.log(`  player A vs player B, steady:           ${summary(r.pair)}`);
  }
  const ratio = (x, y) => (percentile(x, 0.95) / percentile(y, 0.95)).toFixed(2);
  console.log(`\np95 ratio synced / baseline: vs server ${ratio(synced.steady, baseline.steady)}, A vs B ${ratio(synced.pair, baseline.pair)}`);
  console.log(`target: p95 drift < 300 ms → ${percentile(synced.pair, 0.95) < 0.3 && percentile(synced.steady, 0.95) < 0.3 ? 'met' : 'NOT met'}`);
} finally {
  await browser.close();
  await server.dispose();
  await fixtures.dispose();
}
