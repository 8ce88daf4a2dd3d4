// The pre-join device check (DeviceCheck.razor + wwwroot/src/media/device-check.js) with chromium's fake devices:
// preview frames, a moving mic level, the chosen devices and on/off states carried into the call and remembered,
// and a refused permission that still lets the user join.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './support/browser.mjs';
import { waitFor } from './support/wait.mjs';
import { newCallPage, waitMediaReady, waitRemoteFrames, remoteVideo, inboundStats, localDeviceId } from './support/media.mjs';
import { createRoom, waitConnected, cssString } from './support/room.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser();

async function openDeviceCheck(page, roomUrl) {
  if (page.url() !== roomUrl) await page.goto(roomUrl);
  await waitConnected(page);
  await page.locator('[data-testid="device-check"][data-ready="true"]').waitFor({ timeout: 15_000 });
}

async function join(page, name) {
  await waitFor(() => page.getByTestId('join-room').isEnabled(), { message: 'join enabled' });
  await page.getByTestId('display-name').fill(name);
  await page.getByTestId('join-room').click();
  await page.locator(`[data-testid="participant"][data-self="true"][data-name="${cssString(name)}"]`).waitFor({ timeout: 15_000 });
  return waitMediaReady(page);
}

const level = (page) => page.getByTestId('mic-level').getAttribute('data-level').then(Number);
const options = (page, testid) => page.getByTestId(testid).locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent })));
const pressed = (page, testid) => page.getByTestId(testid).getAttribute('aria-pressed');

test('preview and mic level before joining; the chosen mic, camera, speaker and camera-off carry into the call and are remembered', async () => {
  const a = await newCallPage(suite.browser);
  const b = await newCallPage(suite.browser);
  try {
    const roomUrl = await createRoom(a, suite.server.url);
    await openDeviceCheck(a, roomUrl);

    // The preview shows the fake camera's frames and the meter moves with the fake microphone's beeps.
    const preview = a.getByTestId('device-preview');
    const t0 = await waitFor(() => preview.evaluate((v) => (v.videoWidth > 0 && v.currentTime > 0 ? v.currentTime : 0)), { timeout: 15_000, message: 'preview frames' });
    await waitFor(() => preview.evaluate((v, t) => v.currentTime > t, t0), { message: 'preview advancing' });
    await waitFor(async () => (await level(a)) > 0, { timeout: 15_000, message: 'mic level above 0' });
    assert.equal(await pressed(a, 'prejoin-camera'), 'true');
    assert.equal(await pressed(a, 'prejoin-mic'), 'true');

    // Pick the second fake microphone (not the default) and a non-default speaker.
    const mics = await options(a, 'mic-select');
    const mic = mics.find((o) => o.value !== 'default' && o.value !== (mics[0]?.value) && /Input 2/.test(o.label)) ?? mics.at(-1);
    assert.ok(mics.length >= 2, `fake microphones listed: ${JSON.stringify(mics)}`);
    await a.getByTestId('mic-select').selectOption(mic.value);
    const camera = await a.getByTestId('camera-select').inputValue();
    assert.ok(camera.length > 0, 'a camera is selected');
    const speakers = await options(a, 'speaker-select');
    const speaker = speakers.find((o) => o.value !== 'default') ?? speakers[0];
    await a.getByTestId('speaker-select').selectOption(speaker.value);
    await waitFor(async () => (await level(a)) > 0, { timeout: 15_000, message: 'mic level from the chosen mic' });

    const aId = await join(a, 'Ada');
    assert.equal(await localDeviceId(a, 'audio'), mic.value, 'the call opened the chosen microphone');
    assert.equal(await localDeviceId(a, 'video'), camera, 'the call opened the chosen camera');

    // Grace chooses to join with her camera off.
    await openDeviceCheck(b, roomUrl);
    await b.getByTestId('prejoin-camera').click();
    assert.equal(await pressed(b, 'prejoin-camera'), 'false');
    await b.locator('[data-testid="device-check"][data-camera="off"]').waitFor();
    assert.equal(await b.getByTestId('device-preview').evaluate((v) => v.srcObject), null, 'the camera is released');
    const bId = await join(b, 'Grace');
    assert.equal(await localDeviceId(b, 'video'), null, 'no camera opened in the call');
    await b.getByTestId('toggle-camera').and(b.locator('[aria-pressed="false"]')).waitFor();

    // Ada sees Grace's tile as camera-off and, while Grace's audio flows, gets no video frame from her.
    await waitRemoteFrames(b, aId);
    await remoteVideo(a, bId).and(a.locator('[data-camera="off"]')).waitFor({ timeout: 15_000 });
    await waitFor(async () => (await inboundStats(a)).audio.packets > 100, { timeout: 20_000, message: 'audio from Grace flowing' });
    const stats = await inboundStats(a);
    assert.equal(stats.video.frames, 0, `no video frames from a camera that is off: ${JSON.stringify(stats)}`);
    assert.equal(await remoteVideo(a, bId).evaluate((v) => v.videoWidth), 0);

    // The chosen speaker plays the remote tiles (setSinkId), where the browser supports it.
    if (speaker.value !== 'default') assert.equal(await remoteVideo(a, bId).evaluate((v) => v.sinkId), speaker.value);

    // Switching the camera on in the call opens it and sends it without renegotiating a new connection.
    const created = await b.evaluate(() => window.__mediaProbe.createdPeerConnections());
    await b.getByTestId('toggle-camera').click();
    await waitRemoteFrames(a, bId);
    assert.equal(await b.evaluate(() => window.__mediaProbe.createdPeerConnections()), created, 'same peer connection');

    // Remembered for next time: a new tab of each starts from the same choices.
    const again = await b.context().newPage();
    await openDeviceCheck(again, roomUrl);
    assert.equal(await pressed(again, 'prejoin-camera'), 'false', 'camera-off remembered');
    await again.close();
    const againA = await a.context().newPage();
    await openDeviceCheck(againA, roomUrl);
    await waitFor(async () => (await againA.getByTestId('mic-select').inputValue()) === mic.value, { message: 'mic remembered' });
    assert.equal(await againA.getByTestId('speaker-select').inputValue(), speaker.value, 'speaker remembered');
    await againA.close();
  } finally {
    await Promise.all([a.context().close(), b.context().close()]);
  }
});

test('a refused camera and microphone are said plainly and joining still works, without media', async () => {
  const denied = await launchBrowser({ media: 'denied' });
  try {
    const page = await (await denied.newContext()).newPage();
    const roomUrl = await createRoom(page, suite.server.url);
    await openDeviceCheck(page, roomUrl);
    const message = page.getByTestId('device-message');
    await message.waitFor({ timeout: 15_000 });
    assert.match(await message.textContent(), /refused.*You can still join without them/s);
    assert.equal(await level(page), 0);
    await join(page, 'Ada');
    assert.equal(await localDeviceId(page, 'video'), null);
    assert.equal(await localDeviceId(page, 'audio'), null);
  } finally {
    await denied.close();
  }
});
