// Invigilation in real browsers: a candidate in a room of a test, observers on the test's dashboard asking for
// the candidate's camera and screen, the watch indicator, and focus events on the timeline across a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinRoom } from './support/room.mjs';
import { newCallPage, probe } from './support/media.mjs';
import { waitFor } from './support/wait.mjs';
import { waitEditorSynced, caretToEnd, editorText } from './support/editor.mjs';
import {
  createExamRoom, candidateLink, observerLink, openDashboard, card, observedVideo, requestAndTime, waitObservedFrames,
  candidateStreams, waitCandidateReady, timelineKinds, examServerEnv,
} from './support/exam.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser({ env: examServerEnv });

test('observers ask for a candidate\'s camera and screen, watch together and stop; the candidate sees it', async () => {
  const room = await createExamRoom(suite.server, 'T-streams');
  const candidate = await newCallPage(suite.browser);
  const olga = await (await suite.browser.newContext()).newPage();
  const pavel = await (await suite.browser.newContext()).newPage();
  try {
    await joinRoom(candidate, await candidateLink(suite.server, room, 'T-streams', 'Ada'), 'Ada');
    const adaId = await waitCandidateReady(candidate);
    await openDashboard(olga, await observerLink(suite.server, 'T-streams', 'Olga'));
    await card(olga, 'Ada').and(olga.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
    const indicator = candidate.getByTestId('watch-indicator');
    assert.equal(await indicator.isVisible(), false, 'no indicator while nobody watches');

    const cameraMs = await requestAndTime(olga, 'Ada', 'camera');
    console.log(`requested camera visible after ${cameraMs} ms`);
    assert.equal(await observedVideo(olga, 'camera').getAttribute('data-peer'), adaId);
    await indicator.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await indicator.innerText(), /camera → Olga/);
    await card(olga, 'Ada').and(olga.locator('[data-watched="1"]')).waitFor();
    await olga.locator('[data-testid="active-streams"][data-count="1"]').waitFor();

    // The indicator can be made small and big again; it stays there while watched.
    await candidate.getByTestId('watch-indicator-minimize').click();
    await candidate.locator('[data-testid="watch-indicator"][data-minimized="true"]').waitFor();
    assert.equal(await indicator.isVisible(), true);
    await candidate.getByTestId('watch-indicator-minimize').click();
    await candidate.locator('[data-testid="watch-indicator"][data-minimized="false"]').waitFor();

    // A second observer watches the same camera at the same time: one more connection on the candidate's side.
    await openDashboard(pavel, await observerLink(suite.server, 'T-streams', 'Pavel'));
    const secondMs = await requestAndTime(pavel, 'Ada', 'camera');
    console.log(`second observer's camera visible after ${secondMs} ms`);
    await card(olga, 'Ada').and(olga.locator('[data-watched="2"]')).waitFor();
    await olga.locator('[data-testid="active-streams"][data-count="2"]').waitFor();
    await waitObservedFrames(olga, 'camera');
    await waitFor(async () => (await candidateStreams(candidate)).filter((s) => s.state === 'live').length === 2,
      { timeout: 20_000, message: 'two live streams on the candidate' });
    const beforeStop = (await probe(candidate)).livePeerConnections;

    // Olga stops: her video goes, the candidate closes exactly that connection, Pavel keeps watching.
    await card(olga, 'Ada').getByTestId('stop-stream').click();
    await observedVideo(olga, 'camera').waitFor({ state: 'detached', timeout: 10_000 });
    await waitFor(async () => (await probe(candidate)).livePeerConnections === beforeStop - 1,
      { timeout: 10_000, message: 'the candidate closed the stopped connection' });
    assert.deepEqual((await candidateStreams(candidate)).map((s) => s.watcherId), [await pavel.locator('[data-testid="exam-dashboard"]').getAttribute('data-watcher')]);
    await waitObservedFrames(pavel, 'camera');

    // The screen, on request.
    const screenMs = await requestAndTime(olga, 'Ada', 'screen');
    console.log(`requested screen visible after ${screenMs} ms`);
    assert.equal(await observedVideo(olga, 'screen').evaluate((v) => v.videoWidth > 0), true);

    // Pavel leaves the dashboard (tab closed): his stream ends on the candidate's side too.
    await pavel.context().close();
    await waitFor(async () => (await candidateStreams(candidate)).length === 1, { timeout: 15_000, message: 'only the screen left' });
    await card(olga, 'Ada').getByTestId('stop-stream').click();
    await indicator.waitFor({ state: 'hidden', timeout: 10_000 });
    await olga.locator('[data-testid="active-streams"][data-count="0"]').waitFor();
    assert.equal((await candidateStreams(candidate)).length, 0);
  } finally {
    await Promise.all([candidate.context().close(), olga.context().close(), pavel.context().close().catch(() => {})]);
  }
});

test('focus events show on the candidate\'s timeline and survive a server restart; other candidates see nothing', async () => {
  const room = await createExamRoom(suite.server, 'T-focus');
  const dashboard = await observerLink(suite.server, 'T-focus', 'Olga');
  const candidate = await (await suite.browser.newContext()).newPage();
  const olga = await (await suite.browser.newContext()).newPage();
  try {
    await joinRoom(candidate, await candidateLink(suite.server, room, 'T-focus', 'Ada'), 'Ada');
    await waitCandidateReady(candidate);
    await openDashboard(olga, dashboard);

    // Leaving full screen, a hidden tab, a blur: the browser events as the page receives them.
    await candidate.evaluate(() => document.dispatchEvent(new Event('fullscreenchange')));
    await candidate.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      delete document.visibilityState;
    });
    await candidate.evaluate(() => window.dispatchEvent(new FocusEvent('blur')));
    // A paste into Monaco: a real paste event on its input, which Monaco also applies to the text.
    await waitEditorSynced(candidate);
    await caretToEnd(candidate);
    await candidate.evaluate(() => {
      const input = document.querySelector('[data-testid="editor"] textarea');
      const data = new DataTransfer();
      data.setData('text/plain', 'print("pasted")');
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await waitFor(async () => (await editorText(candidate))?.includes('print("pasted")'), { message: 'Monaco applied the paste' });
    // The page sends its reports one at a time; one still unsent when the page goes away is lost (see
    // docs/architecture.md), so the reload waits until the paste has reached the dashboard.
    await waitFor(async () => (await timelineKinds(olga, 'Ada')).includes('paste'), { timeout: 20_000, message: 'the paste reported' });
    // A reload: reported by the reloaded page once it is back in the room.
    await candidate.reload();
    await waitCandidateReady(candidate);

    const expected = ['fullscreen-exit', 'hidden', 'blur', 'paste', 'reload'];
    await waitFor(async () => (await timelineKinds(olga, 'Ada')).join() === expected.join(),
      { timeout: 20_000, message: `timeline ${expected}` });
    assert.match(await card(olga, 'Ada').locator('[data-testid="focus-event"][data-kind="paste"]').innerText(), /15 characters/);
    assert.equal(await card(olga, 'Ada').getAttribute('data-events'), '5');

    // A second candidate's page shows no dashboard, no timeline and no other candidate's events.
    const grace = await (await suite.browser.newContext()).newPage();
    await joinRoom(grace, await candidateLink(suite.server, room, 'T-focus', 'Grace'), 'Grace');
    await waitCandidateReady(grace);
    assert.equal(await grace.locator('[data-testid="candidate-timeline"], [data-testid="focus-event"], [data-testid="exam-dashboard"]').count(), 0);
    await grace.goto(suite.server.url + '/exam/T-focus');
    await grace.getByTestId('exam-refused').waitFor();
    assert.equal(await grace.locator('[data-testid="candidate-card"]').count(), 0);
    await grace.context().close();

    await suite.server.restart();
    await openDashboard(olga, dashboard);
    await waitFor(async () => (await timelineKinds(olga, 'Ada')).join() === expected.join(),
      { timeout: 20_000, message: 'the timeline after the restart' });
  } finally {
    await Promise.all([candidate.context().close(), olga.context().close()]);
  }
});
