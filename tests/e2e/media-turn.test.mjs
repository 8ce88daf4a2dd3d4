// The call through a real TURN server: coturn on loopback with TURN REST credentials (the web host mints them from
// the same secret), and Media:IceTransportPolicy=relay so the browsers may use nothing but relay candidates. With
// the right secret two browsers get each other's frames over a relay-relay pair; with a wrong one they cannot
// connect at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppServer } from './support/server.mjs';
import { TurnServer } from './support/turn.mjs';
import { launchBrowser } from './support/browser.mjs';
import { waitFor } from './support/wait.mjs';
import { twoInCall, newCallPage, waitMediaReady, remoteVideo, selectedCandidatePairs } from './support/media.mjs';
import { createRoom, joinRoom } from './support/room.mjs';

const SECRET = 'e2e-turn-shared-secret';
let turn;
let browser;

before(async () => {
  turn = await TurnServer.start({ secret: SECRET });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await turn?.dispose();
});

const turnEnv = (secret) => ({
  INTERVIEW_Media__TurnUrls__0: turn.url,
  INTERVIEW_Media__TurnSecret: secret,
  INTERVIEW_Media__IceTransportPolicy: 'relay',
});

test('relay only: two browsers get remote video through coturn, over a relay-relay candidate pair', async () => {
  const server = await AppServer.start({ env: turnEnv(SECRET) });
  try {
    const { a, b, aId, bId, close } = await twoInCall(browser, server);
    try {
      for (const page of [a, b]) {
        const pairs = await waitFor(async () => {
          const found = await selectedCandidatePairs(page);
          return found.length > 0 && found.every((p) => p.state === 'succeeded') ? found : null;
        }, { timeout: 15_000, message: 'a selected candidate pair' });
        assert.deepEqual(pairs.map((p) => [p.local, p.remote]), [['relay', 'relay']], JSON.stringify(pairs));
        assert.equal(pairs[0].localAddress, '127.0.0.1', 'the relay address is coturn\'s');
      }
      // coturn authenticated both participants by their REST usernames ("<expiry>:<participant id>").
      for (const id of [aId, bId]) {
        assert.match(turn.output, new RegExp(`user <\\d+:${id}>`), `requests of ${id} in coturn's log`);
        assert.doesNotMatch(turn.output, new RegExp(`user <\\d+:${id}>: [^\\n]*error 401`), `no refused request of ${id}`);
      }
    } finally {
      await close();
    }
  } finally {
    await server.dispose();
  }
});

test('relay only with a wrong TURN secret: coturn refuses the allocation and the call does not connect', async () => {
  const server = await AppServer.start({ env: turnEnv('not-the-turn-secret') });
  const a = await newCallPage(browser);
  const b = await newCallPage(browser);
  try {
    const roomUrl = await createRoom(a, server.url);
    await joinRoom(a, roomUrl, 'Ada');
    await waitMediaReady(a);
    await joinRoom(b, roomUrl, 'Grace');
    const bId = await waitMediaReady(b);
    await remoteVideo(a, bId).waitFor({ state: 'attached', timeout: 15_000 });
    // No candidate can be gathered, so no path can exist: the tile says the connection failed (and offers Retry)
    // as soon as gathering ends, instead of "connecting" for ever.
    const tile = a.locator(`.tile[data-peer="${bId}"]`);
    await tile.and(a.locator('[data-state="failed"]')).waitFor({ timeout: 30_000 });
    assert.equal(await tile.getByTestId('peer-retry').isVisible(), true);
    const states = await a.evaluate(() => window.__mediaProbe.connectionStates());
    assert.ok(!states.includes('connected'), `never connected: ${states.join(' → ')}`);
    assert.equal(await remoteVideo(a, bId).evaluate((v) => v.videoWidth), 0);
    const candidates = await a.evaluate(async () => {
      let n = 0;
      for (const pc of window.__mediaProbe.peerConnections()) for (const s of (await pc.getStats()).values()) if (s.type === 'local-candidate') n++;
      return n;
    });
    assert.equal(candidates, 0, 'no relay candidate without valid credentials');
    const aId = await a.locator('[data-testid="media-panel"]').getAttribute('data-participant');
    assert.match(turn.output, new RegExp(`user <\\d+:${aId}>: [^\\n]*error 401: Unauthorized`), 'coturn refused the credentials');
  } finally {
    await Promise.all([a.context().close(), b.context().close()]);
    await server.dispose();
  }
});
