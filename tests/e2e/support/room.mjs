// Page helpers for the room flow, written against the data-testid contract (DESIGN.md §5).
import { waitFor } from './wait.mjs';

export async function createRoom(page, baseUrl, { title, capacity, keepPage = false } = {}) {
  if (!keepPage) await page.goto(baseUrl + '/');
  if (title) await page.getByTestId('room-title').fill(title);
  if (capacity) await page.getByTestId('room-capacity').fill(String(capacity));
  await Promise.all([page.waitForURL(/\/r\/[a-z0-9]{10}$/), page.getByTestId('create-room').click()]);
  return page.url();
}

export async function waitConnected(page, timeout = 15_000) {
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout });
}

export async function joinRoom(page, roomUrl, name) {
  if (page.url() !== roomUrl) await page.goto(roomUrl);
  await waitConnected(page);
  const join = page.getByTestId('join-room');
  await join.waitFor();
  await waitFor(() => join.isEnabled(), { message: 'join button enabled' });
  await page.getByTestId('display-name').fill(name);
  await join.click();
  await page.locator(`[data-testid="participant"][data-self="true"][data-name="${cssString(name)}"]`).waitFor({ timeout: 15_000 });
}

export async function participantNames(page) {
  return page.locator('[data-testid="participant"]').evaluateAll((items) => items.map((item) => item.dataset.name).sort());
}

export async function sendChat(page, text) {
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-send').click();
}

export async function chatTexts(page) {
  return page.locator('[data-testid="chat-message"]').allInnerTexts();
}

export function cssString(value) {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
}

/** Two people in fresh browser contexts: the first creates a room (title, capacity) and joins, then the second
 * joins, directly or through `via` (a TcpProxy). */
export async function twoInRoom(browser, baseUrl, { names = ['Ada', 'Grace'], via, ...roomOptions } = {}) {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const roomUrl = await createRoom(a, baseUrl, roomOptions);
  await joinRoom(a, roomUrl, names[0]);
  await joinRoom(b, via ? roomUrl.replace(baseUrl, via.url) : roomUrl, names[1]);
  return { a, b, roomUrl, close: () => Promise.all([a.context().close(), b.context().close()]) };
}
