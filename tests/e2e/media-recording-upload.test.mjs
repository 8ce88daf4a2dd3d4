// Uploading a recording to the room: recorded in one browser, listed live in the other (Blazor, from the room
// actor's snapshot), downloaded there with the same bytes; an unauthenticated download is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppServer } from './support/server.mjs';
import { launchBrowser } from './support/browser.mjs';
import { waitFor } from './support/wait.mjs';
import { twoInCall, newCallPage, waitMediaReady } from './support/media.mjs';
import { createRoom, joinRoom } from './support/room.mjs';

let server;
let browser;

before(async () => {
  server = await AppServer.start({ env: { INTERVIEW_Recordings__MaxUploadBytes: String(20 * 1024 * 1024) } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

// Hex SHA-256 of a blob or of the body at `href`, computed in the page.
const pageSha256 = (page, href) => page.evaluate(async (url) => {
  const bytes = await (await fetch(url)).arrayBuffer();
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}, href);

test('a 2 s recording uploaded by one participant is listed for the other, whose download has the same SHA-256', async () => {
  const { a, b, close } = await twoInCall(browser, server);
  try {
    await a.getByTestId('record-start').click();
    const startedAt = Date.now();
    await waitFor(() => Date.now() - startedAt >= 2000, { timeout: 4000, message: 'two seconds of recording' });
    await a.getByTestId('record-stop').click();
    const item = a.getByTestId('recording').first();
    await item.waitFor({ timeout: 15_000 });
    const localSha = await pageSha256(a, await item.locator('a[download]').getAttribute('href'));
    const size = Number(await item.getAttribute('data-size'));
    assert.ok(size > 0);

    await item.getByTestId('recording-upload').click();
    await item.locator('[data-testid="recording-upload-status"][data-state="done"]').waitFor({ timeout: 20_000 });

    // Grace sees it without doing anything: the actor's snapshot re-rendered her page.
    const listed = b.getByTestId('room-recording').first();
    await listed.waitFor({ timeout: 15_000 });
    assert.equal(Number(await listed.getAttribute('data-size')), size);
    assert.equal(await listed.getAttribute('data-sha256'), localSha);
    const link = listed.locator('a[download]');
    assert.match(await link.getAttribute('download'), /\.webm$/);
    const href = await link.getAttribute('href');
    assert.equal(await pageSha256(b, href), localSha, 'downloaded bytes are the uploaded recording');
    await a.getByTestId('room-recording').first().waitFor();

    // The same URL without its ticket, from outside the room: refused.
    const bare = new URL(href, server.url);
    bare.search = '';
    const refused = await fetch(bare);
    assert.equal(refused.status, 403);
    assert.match((await refused.json()).error, /Only participants/);
    const upload = await fetch(`${server.url}/rooms/${new URL(a.url()).pathname.split('/').pop()}/recordings`, { method: 'POST', body: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]) });
    assert.equal(upload.status, 403);
  } finally {
    await close();
  }
});

test('an upload over the server\'s limit fails with the limit in a clear message, and can be retried', async () => {
  const small = await AppServer.start({ env: { INTERVIEW_Recordings__MaxUploadBytes: '1024' } });
  const page = await newCallPage(browser);
  try {
    await joinRoom(page, await createRoom(page, small.url), 'Ada');
    await waitMediaReady(page);
    await page.getByTestId('record-start').click();
    const startedAt = Date.now();
    await waitFor(() => Date.now() - startedAt >= 1000, { timeout: 3000, message: 'a second of recording' });
    await page.getByTestId('record-stop').click();
    const item = page.getByTestId('recording').first();
    await item.waitFor({ timeout: 15_000 });
    assert.ok(Number(await item.getAttribute('data-size')) > 1024, 'the recording is over the 1 KiB limit');
    await item.getByTestId('recording-upload').click();
    const status = item.locator('[data-testid="recording-upload-status"][data-state="failed"]');
    await status.waitFor({ timeout: 20_000 });
    assert.match(await status.textContent(), /larger than this server accepts \(1 KiB\)/);
    assert.equal(await item.getByTestId('recording-upload').isEnabled(), true, 'the button is usable again');
    assert.equal(await page.getByTestId('room-recording').count(), 0);
  } finally {
    await page.context().close();
    await small.dispose();
  }
});
