// Observers look in unseen: they enter the call muted, and a candidate's tile grid leaves them out until they
// unmute, and no recording composes them while they are silent. Rooms and invites come from the integration API
// (a real JWT).
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

test("a silent observer is left out of a recording even where their tile shows, and is recorded once they speak", async () => {
  const room = await api('/api/v1/rooms', { title: 'Recorded' });
  const interviewerInvite = await api(`/api/v1/rooms/${room.id}/invites`, { userId: 'i-1', displayName: 'Ivan', role: 'interviewer' });
  const observerInvite = await api(`/api/v1/rooms/${room.id}/invites`, { userId: 'o-2', displayName: 'Omar', role: 'observer' });
  const ivan = await newCallPage(suite.browser);
  const omar = await newCallPage(suite.browser);
  try {
    await joinWithInvite(ivan, interviewerInvite.url, 'Ivan');
    await waitMediaReady(ivan);
    await joinWithInvite(omar, observerInvite.url, 'Omar');
    const omarId = await waitMediaReady(omar);
    await waitRemoteFrames(ivan, omarId);
    // The interviewer sees the observer's tile...
    assert.equal(await ivan.locator(`figure.tile[data-peer="${omarId}"]`).isVisible(), true);

    // ...but a recording made while the observer is silent composes only the interviewer's own video.
    const panel = ivan.getByTestId('recording-panel');
    const composed = async () => Number(await panel.getAttribute('data-composed-videos'));
    await ivan.getByTestId('record-start').click();
    await waitFor(async () => (await composed()) === 1, { timeout: 20_000, message: 'one video composed while the observer is silent' });

    const mic = omar.getByTestId('toggle-mic');
    await mic.click();
    await waitFor(async () => (await composed()) === 2, { timeout: 20_000, message: 'the observer is composed once unmuted' });
    await mic.click();
    await waitFor(async () => (await composed()) === 1, { timeout: 20_000, message: 'and left out again when muted' });

    await ivan.getByTestId('record-stop').click();
    await ivan.getByTestId('recording').first().waitFor({ timeout: 20_000 });
  } finally {
    await ivan.context().close();
    await omar.context().close();
  }
});
