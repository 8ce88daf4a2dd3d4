// Rooms, presence and chat in a real browser (Debian chromium via playwright-core).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRoom, joinRoom, twoInRoom, participantNames, sendChat, chatTexts, waitConnected } from './support/room.mjs';
import { TcpProxy } from './support/tcp-proxy.mjs';
import { waitFor } from './support/wait.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser({ env: { INTERVIEW_Rooms__ReconnectGraceSeconds: '30' } });

function twoPeople(roomOptions = {}) {
  return twoInRoom(suite.browser, suite.server.url, { names: ['Ada', 'Grace Hopper'], ...roomOptions });
}

test('two people create and join a room and see each other, live', async () => {
  const started = Date.now();
  const { a, b, close } = await twoPeople({ title: 'Pairing' });
  try {
    await waitFor(async () => (await participantNames(a)).join() === 'Ada,Grace Hopper', { message: 'Ada sees Grace' });
    assert.deepEqual(await participantNames(b), ['Ada', 'Grace Hopper']);
    assert.equal(await a.locator('[data-testid="participant"][data-self="true"]').getAttribute('data-name'), 'Ada');
    assert.equal(await b.locator('[data-testid="participant"][data-self="true"]').getAttribute('data-name'), 'Grace Hopper');
    console.log(`# create + two joins took ${Date.now() - started} ms`);

    await b.getByTestId('leave-room').click();
    await waitFor(async () => (await participantNames(a)).join() === 'Ada', { message: 'Grace leaves Ada\'s list' });
  } finally {
    await close();
  }
});

test('closing a tab removes that participant within seconds', async () => {
  const { a, b, close } = await twoPeople();
  try {
    const closedAt = Date.now();
    await b.close({ runBeforeUnload: true });
    await waitFor(async () => (await participantNames(a)).join() === 'Ada', { timeout: 15_000, message: 'Grace gone from Ada\'s list' });
    const took = Date.now() - closedAt;
    console.log(`# a closed tab left the list after ${took} ms`);
    assert.ok(took < 15_000);
  } finally {
    await close();
  }
});

test('chat reaches the other side with author and time, links are safe', async () => {
  const { a, b, close } = await twoPeople();
  try {
    const sentAt = Date.now();
    await sendChat(a, 'hello from Ada');
    await b.locator('[data-testid="chat-message"]', { hasText: 'hello from Ada' }).waitFor();
    console.log(`# chat message visible to the other browser after ${Date.now() - sentAt} ms`);
    const text = (await chatTexts(b)).join('\n');
    assert.match(text, /Ada/);
    assert.match(text, /\d\d:\d\d/);

    await sendChat(b, 'see https://example.test/a?b=1 <img src=x onerror="window.pwned=1"> <b>bold</b>');
    const message = a.locator('[data-testid="chat-message"]', { hasText: 'see https://example.test' });
    await message.waitFor();
    assert.equal(await message.locator('a').getAttribute('href'), 'https://example.test/a?b=1');
    assert.equal(await message.locator('img, b').count(), 0, 'markup in a message is shown as text');
    assert.equal(await a.evaluate(() => window.pwned), undefined);
    assert.match(await message.innerText(), /<b>bold<\/b>/);
  } finally {
    await close();
  }
});

test('a reload keeps identity and chat history', async () => {
  const { a, b, close } = await twoPeople();
  try {
    await sendChat(a, 'before reload');
    await b.locator('[data-testid="chat-message"]', { hasText: 'before reload' }).waitFor();
    await b.reload();
    await waitConnected(b);
    await b.locator('[data-testid="participant"][data-self="true"][data-name="Grace Hopper"]').waitFor();
    await b.locator('[data-testid="chat-message"]', { hasText: 'before reload' }).waitFor();
    await waitFor(async () => (await participantNames(a)).join() === 'Ada,Grace Hopper', { message: 'Grace back in Ada\'s list' });
  } finally {
    await close();
  }
});

test('a full room shows a clear page to the next person who tries to join', async () => {
  // The page cannot know before the join whether the visitor is an interviewer (never refused for capacity), so
  // the room's answer to the join decides.
  const { a, b, roomUrl, close } = await twoPeople({ capacity: 2 });
  const c = await (await suite.browser.newContext()).newPage();
  try {
    await c.goto(roomUrl);
    await waitConnected(c);
    const join = c.getByTestId('join-room');
    await waitFor(() => join.isEnabled(), { message: 'join button enabled' });
    await c.getByTestId('display-name').fill('Linus');
    await join.click();
    const notice = c.locator('[data-testid="room-notice"][data-kind="full"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /room is full/i);
    assert.equal(await c.getByTestId('join-room').count(), 0);
    assert.deepEqual(await participantNames(a), ['Ada', 'Grace Hopper']);
  } finally {
    await c.context().close();
    await close();
  }
});

test('the creator ends the room and everyone sees that it has ended', async () => {
  const { a, b, roomUrl, close } = await twoPeople();
  try {
    assert.equal(await b.getByTestId('end-room').count(), 0, 'only the creator may end the room');
    await a.getByTestId('end-room').click();
    await a.getByTestId('end-room-confirm').click();
    await b.locator('[data-testid="room-notice"][data-kind="ended"]').waitFor();
    const late = await (await suite.browser.newContext()).newPage();
    await late.goto(roomUrl);
    await late.locator('[data-testid="room-notice"][data-kind="ended"]').waitFor();
    assert.match(await late.getByTestId('room-notice').innerText(), /this room has ended/i);
    await late.context().close();
  } finally {
    await close();
  }
});

test('an unknown room id gets a friendly 404 with a way to create a room', async () => {
  const page = await (await suite.browser.newContext()).newPage();
  try {
    const response = await page.goto(suite.server.url + '/r/zzzzzzzzzz');
    assert.equal(response.status(), 404);
    const notice = page.getByTestId('not-found');
    await notice.waitFor();
    assert.equal(await notice.locator('a[href="/"]').count(), 1);
  } finally {
    await page.context().close();
  }
});

test('a dropped connection shows reconnecting, then connected, with presence restored', async () => {
  const proxy = await TcpProxy.start(suite.server.port);
  const a = await (await suite.browser.newContext()).newPage();
  const b = await (await suite.browser.newContext()).newPage();
  try {
    const roomUrl = await createRoom(a, suite.server.url);
    await joinRoom(a, roomUrl, 'Ada');
    await joinRoom(b, roomUrl.replace(suite.server.url, proxy.url), 'Linus');

    proxy.cut();
    await b.locator('[data-testid="connection-status"][data-state="reconnecting"]').waitFor({ timeout: 15_000 });
    await a.locator('[data-testid="participant"][data-name="Linus"][data-presence="reconnecting"]').waitFor({ timeout: 15_000 });
    const cutAt = Date.now();
    proxy.restore();
    await waitConnected(b, 30_000);
    console.log(`# reconnected ${Date.now() - cutAt} ms after the network came back`);
    await a.locator('[data-testid="participant"][data-name="Linus"][data-presence="connected"]').waitFor({ timeout: 15_000 });
    await b.locator('[data-testid="participant"][data-self="true"][data-name="Linus"]').waitFor();
    await sendChat(b, 'back online');
    await a.locator('[data-testid="chat-message"]', { hasText: 'back online' }).waitFor();
  } finally {
    await a.context().close();
    await b.context().close();
    await proxy.close();
  }
});

test('a server restart keeps rooms and chat; pages reconnect by themselves', async () => {
  const { a, b, roomUrl, close } = await twoPeople({ title: 'Survives restarts' });
  try {
    await sendChat(a, 'persisted message');
    await b.locator('[data-testid="chat-message"]', { hasText: 'persisted message' }).waitFor();

    await suite.server.restart();

    for (const page of [a, b]) {
      await waitConnected(page, 45_000);
      await page.locator('[data-testid="chat-message"]', { hasText: 'persisted message' }).waitFor({ timeout: 20_000 });
    }
    await waitFor(async () => (await participantNames(a)).join() === 'Ada,Grace Hopper', { timeout: 20_000, message: 'both rejoined' });
    assert.equal(await a.locator('h1.room-title').innerText(), 'Survives restarts');
    await sendChat(b, 'after restart');
    await a.locator('[data-testid="chat-message"]', { hasText: 'after restart' }).waitFor();
    assert.ok(roomUrl.includes('/r/'));
  } finally {
    await close();
  }
});
