// The call in a real browser: chromium's fake camera, microphone and screen, two contexts on loopback, no ICE
// servers (host candidates only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from './support/wait.mjs';
import { twoInCall, newCallPage, waitMediaReady, waitRemoteFrames, remoteVideo, probe, debugCounts } from './support/media.mjs';
import { joinRoom } from './support/room.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser();

test('two participants get each other\'s video; toggles and leaving reach the other side', async () => {
  const { a, b, aId, bId, firstFrameMs, close } = await twoInCall(suite.browser, suite.server);
  try {
    console.log(`# first remote frame ${firstFrameMs} ms after the second participant clicked Join`);
    assert.equal(await remoteVideo(a, bId).getAttribute('data-kind'), 'camera');
    assert.equal(await remoteVideo(b, aId).getAttribute('data-kind'), 'camera');

    const stats = a.locator(`.tile[data-peer="${bId}"] [data-testid="peer-stats"]`);
    await stats.locator('summary').click();
    await stats.locator('dd', { hasText: 'kbit/s' }).first().waitFor();
    await waitFor(async () => /\d+×\d+/.test(await stats.innerText()), { message: 'resolution in the stats panel' });

    const mic = a.getByTestId('toggle-mic');
    assert.equal(await mic.getAttribute('aria-pressed'), 'true');
    await mic.click();
    assert.equal(await mic.getAttribute('aria-pressed'), 'false');
    await b.locator(`[data-testid="remote-video"][data-peer="${aId}"][data-mic="off"]`).waitFor();
    await a.getByTestId('toggle-camera').click();
    await b.locator(`[data-testid="remote-video"][data-peer="${aId}"][data-camera="off"]`).waitFor();
    await mic.click();
    await b.locator(`[data-testid="remote-video"][data-peer="${aId}"][data-mic="on"]`).waitFor();

    await b.getByTestId('leave-room').click();
    await remoteVideo(a, bId).waitFor({ state: 'detached', timeout: 10_000 });
    await waitFor(async () => (await probe(a)).livePeerConnections === 0, { message: 'Ada closed her connection to Grace' });
    await waitFor(async () => (await probe(b)).livePeerConnections === 0 && (await probe(b)).liveTracks === 0, { message: 'Grace released everything' });
  } finally {
    await close();
  }
});

test('screen share is shown as data-kind=screen and reverts to the camera, also on the browser\'s own stop', async () => {
  const { a, b, aId, close } = await twoInCall(suite.browser, suite.server);
  try {
    const video = remoteVideo(b, aId);
    const cameraWidth = await video.evaluate((v) => v.videoWidth);
    const share = a.getByTestId('share-screen');
    const startedAt = Date.now();
    await share.click();
    await b.locator(`[data-testid="remote-video"][data-peer="${aId}"][data-kind="screen"]`).waitFor();
    await waitFor(() => video.evaluate((v, w) => v.videoWidth > 0 && v.videoWidth !== w, cameraWidth), { timeout: 15_000, message: 'the screen\'s frames' });
    console.log(`# screen frames at the peer ${Date.now() - startedAt} ms after share`);
    assert.equal(await share.getAttribute('aria-pressed'), 'true');
    const screenSize = await video.evaluate((v) => [v.videoWidth, v.videoHeight]);

    await share.click();
    await b.locator(`[data-testid="remote-video"][data-peer="${aId}"][data-kind="camera"]`).waitFor();
    // Camera frames again: no longer the screen's size. (Not necessarily the first camera size: on a loaded machine
    // WebRTC may have scaled the camera down meanwhile.)
    await waitFor(() => video.evaluate((v, [w, h]) => v.videoWidth > 0 && (v.videoWidth !== w || v.videoHeight !== h), screenSize),
      { timeout: 15_000, message: 'camera frames again' });
    await waitRemoteFrames(b, aId);

    // The browser's "Stop sharing" ends the track from outside the page: the track fires 'ended'.
    await share.click();
    await b.locator(`[data-testid="remote-video"][data-peer="${aId}"][data-kind="screen"]`).waitFor();
    await a.evaluate(() => {
      const track = document.querySelector('[data-testid="local-video"]').srcObject.getVideoTracks()[0];
      track.stop();
      track.dispatchEvent(new Event('ended'));
    });
    await b.locator(`[data-testid="remote-video"][data-peer="${aId}"][data-kind="camera"]`).waitFor();
    assert.equal(await share.getAttribute('aria-pressed'), 'false');
    assert.equal((await probe(a)).liveTracks, 2, 'only the camera and microphone stay live');
  } finally {
    await close();
  }
});

test('leaving and rejoining the call 50 times leaves no connection, track or listener behind', async () => {
  const { a, b, aId, bId, close } = await twoInCall(suite.browser, suite.server);
  try {
    const toggle = a.getByTestId('call-toggle');
    const started = Date.now();
    const before = await debugCounts(a);
    for (let i = 0; i < 50; i++) {
      await toggle.click();
      await a.locator('[data-testid="call-toggle"][data-state="out"]:enabled').waitFor();
      await toggle.click();
      await a.locator('[data-testid="call-toggle"][data-state="in-call"]:enabled').waitFor();
    }
    console.log(`# 50 leave/join cycles took ${Date.now() - started} ms`);
    await waitRemoteFrames(b, aId);
    await waitRemoteFrames(a, bId);
    const after = await debugCounts(a);
    assert.deepEqual(after, before, 'the same links, peers, tracks and listeners as before the cycles');
    assert.deepEqual([(await probe(a)).livePeerConnections, (await probe(a)).liveTracks], [1, 2]);
    await waitFor(async () => (await probe(b)).livePeerConnections === 1, { message: 'Grace keeps one connection to Ada' });
    assert.ok((await probe(a)).createdPeerConnections >= 1);

    await toggle.click();
    await a.locator('[data-testid="call-toggle"][data-state="out"]:enabled').waitFor();
    assert.deepEqual([(await probe(a)).livePeerConnections, (await probe(a)).liveTracks], [0, 0]);
    await waitFor(async () => (await probe(b)).livePeerConnections === 0, { message: 'Grace closed hers' });
    await remoteVideo(b, aId).waitFor({ state: 'detached' });
  } finally {
    await close();
  }
});

test('both sides renegotiating at once (glare) still ends connected with frames flowing', async () => {
  const { a, b, aId, bId, close } = await twoInCall(suite.browser, suite.server);
  try {
    const restart = (page) => page.evaluate(async () => (await import('/client/dist/media.js')).restartIce());
    const [onA, onB] = await Promise.all([restart(a), restart(b)]);
    assert.deepEqual([onA, onB], [1, 1]);
    for (const [page, peer] of [[a, bId], [b, aId]]) {
      await page.locator(`.tile[data-peer="${peer}"][data-state="connected"]`).waitFor({ timeout: 20_000 });
      await waitRemoteFrames(page, peer);
    }
    assert.equal((await probe(a)).createdPeerConnections, 1, 'the same connection, renegotiated');
    assert.equal((await probe(b)).createdPeerConnections, 1);

    // Closing the tab leaves the call at once (pagehide), not after the room's grace period.
    const closedAt = Date.now();
    await b.close({ runBeforeUnload: true });
    await remoteVideo(a, bId).waitFor({ state: 'detached', timeout: 10_000 });
    await waitFor(async () => (await probe(a)).livePeerConnections === 0, { message: 'Ada closed her side' });
    console.log(`# a closed tab left the call after ${Date.now() - closedAt} ms`);
  } finally {
    await close();
  }
});

test('three participants: everyone gets frames from both others (mesh)', async () => {
  const { a, b, aId, bId, roomUrl, close } = await twoInCall(suite.browser, suite.server);
  const c = await newCallPage(suite.browser);
  try {
    await joinRoom(c, roomUrl, 'Linus');
    const cId = await waitMediaReady(c);
    for (const [page, peers] of [[c, [aId, bId]], [a, [bId, cId]], [b, [aId, cId]]]) {
      for (const peer of peers) await waitRemoteFrames(page, peer, { timeout: 45_000 });
    }
    for (const page of [a, b, c]) assert.equal((await probe(page)).livePeerConnections, 2);
  } finally {
    await Promise.all([close(), c.context().close()]);
  }
});
