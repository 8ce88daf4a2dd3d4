// Files over the data channel and recording, in a real browser with chromium's fake devices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { waitFor } from './support/wait.mjs';
import { twoInCall, probe, debugCounts, waitMediaReady } from './support/media.mjs';
import { createRoom, joinRoom } from './support/room.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser({ env: { INTERVIEW_Media__MaxFileBytes: String(64 * 1024 * 1024) } });

const transfers = (page) => page.locator('[data-testid="file-transfer"]').evaluateAll((items) =>
  items.map((i) => `${i.dataset.name} ${i.dataset.direction} ${i.dataset.state} ${i.querySelector('.file-status')?.textContent}`).join(', '));

test('files reach the peer with the right SHA-256, several at once, with progress; too large and cancelled ones fail clearly', async () => {
  const { a, b, close } = await twoInCall(suite.browser, suite.server);
  try {
    const big = randomBytes(6 * 1024 * 1024 + 123);
    const small = Buffer.from('hello, interview\n');
    const sha = (buffer) => createHash('sha256').update(buffer).digest('hex');
    const started = Date.now();
    await a.getByTestId('file-input').setInputFiles([
      { name: 'big.bin', mimeType: 'application/octet-stream', buffer: big },
      { name: 'note.txt', mimeType: 'text/plain', buffer: small },
    ]);
    const received = (name) => b.locator(`[data-testid="file-transfer"][data-direction="receive"][data-name="${name}"]`);
    await waitFor(() => received('big.bin').getAttribute('data-state').then((s) => s === 'done'), { timeout: 60_000, message: 'big.bin received' })
      .catch(async (error) => { throw new Error(`${error.message}; sender: ${await transfers(a)}; receiver: ${await transfers(b)}`); });
    const seconds = (Date.now() - started) / 1000;
    console.log(`# 6 MiB arrived in ${seconds.toFixed(2)} s (${(big.length / 1024 / 1024 / seconds).toFixed(1)} MiB/s)`);
    assert.equal(await received('big.bin').getAttribute('data-sha256'), sha(big));
    await received('note.txt').and(b.locator('[data-state="done"]')).waitFor();
    assert.equal(await received('note.txt').getAttribute('data-sha256'), sha(small));
    const link = received('note.txt').locator('a[download]');
    assert.equal(await link.getAttribute('download'), 'note.txt');
    assert.equal(await b.evaluate(async (href) => (await fetch(href)).text(), await link.getAttribute('href')), small.toString());
    await a.locator('[data-testid="file-transfer"][data-direction="send"][data-name="big.bin"][data-state="done"]').waitFor();

    // Over the configured limit (64 MiB here): refused at once with the limit in the message.
    await a.evaluate(() => {
      const input = document.querySelector('[data-testid="file-input"]');
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'huge.bin'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    });
    await a.locator('[data-testid="file-transfer"][data-state="failed"]', { hasText: '64 MB' }).waitFor();

    // Cancelled by the receiver mid-way: both sides end as failed.
    await a.evaluate(() => {
      const input = document.querySelector('[data-testid="file-input"]');
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(60 * 1024 * 1024)], 'slow.bin'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    });
    const incoming = received('slow.bin');
    await incoming.and(b.locator('[data-state="receiving"]')).waitFor();
    await incoming.getByTestId('file-cancel').click();
    await incoming.and(b.locator('[data-state="failed"]')).waitFor();
    await a.locator('[data-testid="file-transfer"][data-name="slow.bin"][data-state="failed"]').waitFor({ timeout: 15_000 });
  } finally {
    await close();
  }
});

test('a received file is a download of opaque bytes whatever type the sender declared, so an HTML file cannot run in the app', async () => {
  const { a, b, close } = await twoInCall(suite.browser, suite.server);
  try {
    const html = Buffer.from('<!doctype html><script>parent.document.title = "owned"</script>');
    await a.getByTestId('file-input').setInputFiles([{ name: 'page.html', mimeType: 'text/html', buffer: html }]);
    const item = b.locator('[data-testid="file-transfer"][data-direction="receive"][data-name="page.html"][data-state="done"]');
    await item.waitFor({ timeout: 30_000 });
    const link = item.locator('a[download]');
    assert.equal(await link.getAttribute('download'), 'page.html');
    const href = await link.getAttribute('href');
    assert.match(href, /^blob:/);
    const blob = await b.evaluate(async (url) => {
      const fetched = await (await fetch(url)).blob();
      return { type: fetched.type, text: await fetched.text() };
    }, href);
    assert.equal(blob.type, 'application/octet-stream');
    assert.equal(blob.text, html.toString());
  } finally {
    await close();
  }
});

test('recording the call gives a WebM with a finite duration and a download link; cycles with screen share leak nothing', async () => {
  const { a, b, close } = await twoInCall(suite.browser, suite.server);
  try {
    await a.getByTestId('record-start').click();
    await b.getByTestId('recording-indicator').waitFor();
    const startedAt = Date.now();
    await waitFor(() => Date.now() - startedAt >= 3000, { timeout: 5000, message: 'three seconds of recording' });
    await a.getByTestId('record-stop').click();
    const item = a.getByTestId('recording').first();
    await item.waitFor();
    await b.getByTestId('recording-indicator').waitFor({ state: 'hidden' });
    assert.match(await item.locator('a[download]').getAttribute('download'), /\.webm$/);
    assert.ok(Number(await item.getAttribute('data-size')) > 10_000);
    const duration = await item.locator('video').evaluate(async (video) => {
      if (video.readyState < 1) await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }));
      return video.duration;
    });
    console.log(`# a ~3 s recording reports duration ${duration} s`);
    assert.ok(Number.isFinite(duration) && duration > 2.5 && duration < 10, `duration ${duration}`);

    const baseline = await probe(a);
    for (let i = 0; i < 10; i++) {
      await a.getByTestId('share-screen').click();
      await a.locator('[data-testid="share-screen"][aria-pressed="true"]').waitFor();
      await a.getByTestId('record-source').selectOption(i % 2 ? 'screen' : 'call');
      await a.getByTestId('record-start').click();
      await a.getByTestId('record-stop').waitFor();
      await a.getByTestId('record-stop').click();
      await a.getByTestId('record-start').waitFor();
      await a.getByTestId('share-screen').click();
      await a.locator('[data-testid="share-screen"][aria-pressed="false"]').waitFor();
      await a.getByTestId('recording').first().getByRole('button', { name: 'Delete' }).click();
    }
    assert.equal((await probe(a)).liveTracks, baseline.liveTracks, 'no screen or recording track left running');
    assert.equal((await debugCounts(a)).recordingUrls, 1, 'deleted recordings released their object URLs');
  } finally {
    await close();
  }
});

test('with no direct path between the browsers, a file goes through the server, says so, and arrives intact', async () => {
  // Relay-only ICE with no TURN server: the peer connections can never connect, as behind hostile NATs.
  const noDirectPath = () => {
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(config = {}) { super({ ...config, iceTransportPolicy: 'relay', iceServers: [] }); }
    };
  };
  const pages = [];
  for (let i = 0; i < 2; i++) {
    const context = await suite.browser.newContext();
    await context.addInitScript(noDirectPath);
    pages.push(await context.newPage());
  }
  const [a, b] = pages;
  try {
    const roomUrl = await createRoom(a, suite.server.url);
    await joinRoom(a, roomUrl, 'Ada');
    await waitMediaReady(a);
    await joinRoom(b, roomUrl, 'Grace');
    const bId = await waitMediaReady(b);
    await a.locator(`[data-testid="remote-video"][data-peer="${bId}"]`).waitFor({ state: 'attached' });
    const file = randomBytes(300 * 1024);
    await a.getByTestId('file-input').setInputFiles([{ name: 'relayed.bin', mimeType: 'application/octet-stream', buffer: file }]);
    const item = b.locator('[data-testid="file-transfer"][data-direction="receive"][data-name="relayed.bin"]');
    await waitFor(() => item.getAttribute('data-state').then((s) => s === 'done'), { timeout: 60_000, message: 'relayed file arrives' });
    assert.equal(await item.getAttribute('data-sha256'), createHash('sha256').update(file).digest('hex'));
    assert.equal(await item.getAttribute('data-relay'), 'true');
    assert.match(await a.locator('.files-notice').innerText(), /through the server/);

    await a.evaluate(() => {
      const input = document.querySelector('[data-testid="file-input"]');
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(21 * 1024 * 1024)], 'too-big-for-relay.bin'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    });
    await a.locator('[data-testid="file-transfer"][data-name="too-big-for-relay.bin"][data-state="failed"]', { hasText: '20 MB' }).waitFor();
  } finally {
    await Promise.all(pages.map((p) => p.context().close()));
  }
});
