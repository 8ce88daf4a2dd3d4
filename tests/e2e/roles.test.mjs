// Roles, invites, the lobby and interviewer powers in a real browser (Debian chromium via playwright-core).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinRoom, waitConnected } from './support/room.mjs';
import { createRoomWithAccess, createInvite, joinWithInvite, roleOf } from './support/roles.mjs';
import { waitEditorSynced, editorText, setEditorText, caretToEnd, typeInEditor, waitTextEquals, FIND_EDITOR } from './support/editor.mjs';
import { waitFor } from './support/wait.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser();

/** Every WebSocket frame the page receives (Blazor circuit and room hub), as text, to prove what never reaches it. */
function recordFrames(page) {
  const frames = [];
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : Buffer.from(payload).toString('latin1'))));
  return frames;
}

test('invite link → lobby → admitted → locked editor is read-only for the candidate; notes never reach the candidate', async () => {
  const ivy = await (await suite.browser.newContext()).newPage();
  const cade = await (await suite.browser.newContext()).newPage();
  const stranger = await (await suite.browser.newContext()).newPage();
  const cadeFrames = recordFrames(cade);
  try {
    const roomUrl = await createRoomWithAccess(ivy, suite.server.url, { requireInvite: true, lobby: true, title: 'Panel' });
    await joinRoom(ivy, roomUrl, 'Ivy');
    assert.equal(await roleOf(ivy, 'Ivy'), 'interviewer');

    // Without a link: refused with a clear page.
    await stranger.goto(roomUrl);
    await waitConnected(stranger);
    await stranger.getByTestId('display-name').fill('Stranger');
    await waitFor(() => stranger.getByTestId('join-room').isEnabled(), { message: 'join enabled' });
    await stranger.getByTestId('join-room').click();
    await stranger.locator('[data-testid="room-notice"][data-kind="invite"]').waitFor({ timeout: 15_000 });

    const inviteUrl = await createInvite(ivy, 'candidate');
    assert.match(inviteUrl, /\/i\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    await joinWithInvite(cade, inviteUrl, 'Cade', { waiting: true });

    const entry = ivy.locator('[data-testid="lobby-entry"][data-name="Cade"]');
    await entry.waitFor({ timeout: 15_000 });
    await entry.getByTestId('lobby-admit').click();
    await cade.locator('[data-testid="participant"][data-self="true"][data-name="Cade"]').waitFor({ timeout: 15_000 });
    assert.equal(await roleOf(cade, 'Cade'), 'candidate');
    assert.equal(await roleOf(cade, 'Ivy'), 'interviewer');
    assert.equal(await cade.getByTestId('interviewer-panel').count(), 0, 'no interviewer controls for the candidate');

    // The candidate edits while the editor is open.
    await Promise.all([waitEditorSynced(ivy), waitEditorSynced(cade)]);
    await setEditorText(ivy, 'print(1)\n');
    await waitTextEquals([ivy, cade], 'print(1)\n');

    await ivy.getByTestId('lock-editor').click();
    await cade.locator('[data-testid="editor"][data-readonly="true"]').waitFor({ timeout: 15_000 });
    const readOnly = await cade.evaluate((find) => { const e = eval(find); return e.getOption(window.monaco.editor.EditorOption.readOnly); }, FIND_EDITOR);
    assert.equal(readOnly, true, 'Monaco is read-only for the candidate');
    assert.equal(await cade.getByTestId('language-select').isDisabled(), true);
    await caretToEnd(cade);
    await typeInEditor(cade, 'hack');
    assert.equal(await editorText(cade), 'print(1)\n', 'typing does nothing in a read-only editor');
    // The interviewer still edits, and the candidate sees it.
    await setEditorText(ivy, 'print(2)\n');
    await waitTextEquals([ivy, cade], 'print(2)\n');

    // Private notes: saved by the interviewer, never in the candidate's page or traffic.
    const marker = `PRIVATE-${Date.now()}`;
    await ivy.getByTestId('notes-text').fill(`notes ${marker}`);
    await ivy.getByTestId('score-summary').fill(`summary ${marker}`);
    await ivy.getByTestId('score-rating').first().selectOption('4');
    await ivy.getByTestId('notes-save').click();
    await waitFor(async () => /Saved by Ivy/.test(await ivy.getByTestId('notes-status').innerText()), { message: 'notes saved' });
    await cade.reload();
    // Admitted once, the candidate comes straight back after a reload (never to the lobby again).
    await cade.locator('[data-testid="participant"][data-self="true"][data-name="Cade"]').waitFor({ timeout: 30_000 });
    assert.ok(!(await cade.content()).includes(marker), 'candidate page HTML has no notes');
    assert.ok(cadeFrames.length > 0, 'frames were recorded');
    assert.ok(!cadeFrames.some((f) => f.includes(marker)), 'candidate traffic has no notes');

    // Remove: the candidate is out and stays out.
    await ivy.locator('[data-testid="participant"][data-name="Cade"]').getByTestId('participant-remove').click();
    await cade.locator('[data-testid="room-notice"][data-kind="removed"]').waitFor({ timeout: 15_000 });
    await waitFor(async () => (await ivy.locator('[data-testid="participant"][data-name="Cade"]').count()) === 0, { message: 'Cade gone' });
  } finally {
    await Promise.all([ivy.context().close(), cade.context().close(), stranger.context().close()]);
  }
});

test('a revoked invite link no longer lets anyone in; an observer link joins as observer', async () => {
  const ivy = await (await suite.browser.newContext()).newPage();
  const olive = await (await suite.browser.newContext()).newPage();
  const late = await (await suite.browser.newContext()).newPage();
  try {
    const roomUrl = await createRoomWithAccess(ivy, suite.server.url, { requireInvite: true });
    await joinRoom(ivy, roomUrl, 'Ivy');
    const observerUrl = await createInvite(ivy, 'observer');
    await joinWithInvite(olive, observerUrl, 'Olive');
    assert.equal(await roleOf(ivy, 'Olive'), 'observer');
    await olive.locator('[data-testid="editor"][data-readonly="true"]').waitFor({ timeout: 15_000 });

    const link = ivy.locator(`[data-testid="invite-link"][data-url="${observerUrl}"]`);
    await link.getByTestId('invite-revoke').click();
    await ivy.locator(`[data-testid="invite-link"][data-url="${observerUrl}"][data-revoked="true"]`).waitFor();
    const response = await late.goto(observerUrl);
    assert.equal(response.status(), 403);
    assert.match(await late.content(), /revoked/);
  } finally {
    await Promise.all([ivy.context().close(), olive.context().close(), late.context().close()]);
  }
});
