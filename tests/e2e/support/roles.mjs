// Page helpers for roles, invites and the lobby, written against the data-testid contract (docs/protocol.md).
import { createRoom, waitConnected, cssString } from './room.mjs';
import { waitFor } from './wait.mjs';

/** Creates a room from the home page with the access checkboxes; returns its URL. The creator is its interviewer. */
export async function createRoomWithAccess(page, baseUrl, { requireInvite = false, lobby = false, ...options } = {}) {
  await page.goto(baseUrl + '/');
  if (requireInvite) await page.getByTestId('room-require-invite').check();
  if (lobby) await page.getByTestId('room-lobby').check();
  return createRoom(page, baseUrl, { ...options, keepPage: true });
}

/** On an interviewer's page: mints an invite link for `role` (candidate|observer|interviewer); returns its absolute URL. */
export async function createInvite(page, role, { hours } = {}) {
  const before = await page.locator(`[data-testid="invite-link"][data-role="${role}"]`).count();
  await page.getByTestId('invite-role').selectOption({ label: role[0].toUpperCase() + role.slice(1) });
  if (hours) await page.getByTestId('invite-expiry').selectOption(String(hours));
  await page.getByTestId('invite-create').click();
  const links = page.locator(`[data-testid="invite-link"][data-role="${role}"][data-revoked="false"]`);
  await waitFor(async () => (await links.count()) > before, { message: `a ${role} invite link appears` });
  return links.first().getAttribute('data-url');
}

/** Opens an invite link and submits the join form; returns once joined (or, with `{ waiting: true }`, once in the lobby). */
export async function joinWithInvite(page, inviteUrl, name, { waiting = false } = {}) {
  await page.goto(inviteUrl);
  await waitConnected(page);
  const join = page.getByTestId('join-room');
  await join.waitFor();
  await waitFor(() => join.isEnabled(), { message: 'join button enabled' });
  await page.getByTestId('display-name').fill(name);
  await join.click();
  if (waiting) await page.getByTestId('lobby-waiting').waitFor({ timeout: 15_000 });
  else await page.locator(`[data-testid="participant"][data-self="true"][data-name="${cssString(name)}"]`).waitFor({ timeout: 15_000 });
}

/** The role (data-role) of the participant named `name` as `page` lists them. */
export async function roleOf(page, name) {
  return page.locator(`[data-testid="participant"][data-name="${cssString(name)}"]`).getAttribute('data-role');
}
