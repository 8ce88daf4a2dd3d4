// The sync loop's arithmetic (no browser): expected position, the correction rule, the clock offset estimate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedPosition, correction, SEEK_THRESHOLD } from '../../wwwroot/src/watch/drift.js';
import { bestOffset } from '../../wwwroot/src/watch/server-clock.js';

const video = { Id: 'v1', DurationSeconds: 100 };

test('expected position advances at the rate while playing, stands still paused, stops at the end', () => {
  assert.equal(expectedPosition({ Video: video, Playing: true, Position: 10, UpdatedAt: 1_000, Rate: 1 }, 3_500), 12.5);
  assert.equal(expectedPosition({ Video: video, Playing: true, Position: 10, UpdatedAt: 1_000, Rate: 1.5 }, 3_000), 13);
  assert.equal(expectedPosition({ Video: video, Playing: false, Position: 10, UpdatedAt: 1_000, Rate: 1 }, 90_000), 10);
  assert.equal(expectedPosition({ Video: video, Playing: true, Position: 99, UpdatedAt: 0, Rate: 1 }, 10_000), 100);
  // A server timestamp slightly ahead of the local estimate never moves the position back.
  assert.equal(expectedPosition({ Video: video, Playing: true, Position: 10, UpdatedAt: 5_000, Rate: 1 }, 4_990), 10);
  assert.equal(expectedPosition({ Video: null, Playing: false, Position: 0, UpdatedAt: 0, Rate: 1 }, 1), 0);
});

test('small drift nudges the rate by 5–10 % in the direction that closes it; large drift seeks', () => {
  assert.deepEqual(correction(0.02, 1), { action: 'none', rate: 1 });
  const behind = correction(-0.1, 1);
  assert.equal(behind.action, 'nudge');
  assert.ok(behind.rate > 1.049 && behind.rate < 1.06, `behind → faster, gently (${behind.rate})`);
  const ahead = correction(0.9, 1);
  assert.ok(ahead.rate < 0.915 && ahead.rate >= 0.9, `ahead → slower, up to 10 % (${ahead.rate})`);
  assert.equal(correction(-0.6, 1.5).rate > 1.5, true, 'nudges around the room\'s rate');
  assert.equal(correction(SEEK_THRESHOLD + 0.01, 1).action, 'seek');
  assert.equal(correction(-2, 1).action, 'seek');
});

test('nudging goes on until the drift is well under the start threshold (hysteresis)', () => {
  assert.equal(correction(0.03, 1).action, 'none');
  assert.equal(correction(0.03, 1, { nudging: true }).action, 'nudge');
  assert.equal(correction(0.01, 1, { nudging: true }).action, 'none');
});

test('players without fine rates (YouTube) seek above 0.35 s and otherwise leave the rate alone', () => {
  assert.deepEqual(correction(0.2, 1, { fineRate: false }), { action: 'none', rate: 1 });
  assert.equal(correction(0.4, 1, { fineRate: false }).action, 'seek');
});

test('the clock offset comes from the sample with the shortest round trip', () => {
  assert.equal(bestOffset([]), 0);
  assert.equal(bestOffset([{ rtt: 40, offset: 15 }, { rtt: 4, offset: -2 }, { rtt: 30, offset: 9 }]), -2);
  assert.equal(bestOffset([{ rtt: 4, offset: 1 }, { rtt: 4, offset: 3 }]), 3, 'ties: the newest');
});
