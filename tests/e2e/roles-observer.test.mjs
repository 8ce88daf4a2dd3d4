// Observers look in unseen: they enter the call muted, and a candidate's tile grid leaves them out until they
// unmute. Rooms and invites come from the integration API (a real JWT), so no interviewer page is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinWithInvite } from './support/roles.mjs';
import { newCallPage, waitMediaReady, waitRemoteFrames } from './support/media.mjs';
import { examServerEnv, integrationToken } from './support/exam.mjs';
import { waitFor } from './support/wait.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser({ env: examServerEnv });

async function api(path, body) {
  const response = await fetch(suite.server.url + path, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${integrationToken()}` },
  });
  const text = await response.text();
  assert.equal(response.status, 201, `${path}: ${text}`);
  return JSON.parse(text);
}

test("a muted observer is left out of the candidate's tiles, and shown once they unmute", async () => {
  const room = await api('/api/v1/rooms', { title: 'Observed' });
  const candidateInvite = await api(`/api/v1/rooms/${room.id}/invites`, { userId: 'c-1', displayName: 'Cara', role: 'candidate' });
  const observerInvite = await api(`/api/v1/rooms/${room.id}/invites`, { userId: 'o-1', displayName: 'Olive', role: 'observer' });
  const cara = await newCallPage(suite.browser);
  const olive = await newCallPage(suite.browser);
  try {
    await joinWithInvite(cara, candidateInvite.url, 'Cara');
    const caraId = await waitMediaReady(cara);
    await joinWithInvite(olive, observerInvite.url, 'Olive');
    const oliveId = await waitMediaReady(olive);

    // The observer sees and hears the candidate, and starts muted.
    await waitRemoteFrames(olive, caraId);
    const mic = olive.getByTestId('toggle-mic');
    await waitFor(async () => (await mic.getAttribute('aria-pressed')) === 'false', { timeout: 20_000, message: 'observer starts muted' });

    // The candidate's page has the observer's connection (frames arrive) but shows no tile for them.
    await waitRemoteFrames(cara, oliveId);
    const tile = cara.locator(`figure.tile[data-peer="${oliveId}"]`);
    assert.equal(await tile.getAttribute('data-role'), 'observer');
    assert.equal(await tile.isVisible(), false, 'a muted observer is not in the candidate tile grid');

    await mic.click();
    await waitFor(() => tile.isVisible(), { timeout: 20_000, message: 'the observer appears once unmuted' });
    await mic.click();
    await waitFor(async () => !(await tile.isVisible()), { timeout: 20_000, message: 'hidden again when muted' });

    // The observer's own grid shows the candidate throughout.
    assert.equal(await olive.locator(`figure.tile[data-peer="${caraId}"]`).isVisible(), true);
  } finally {
    await cara.context().close();
    await olive.context().close();
  }
});
