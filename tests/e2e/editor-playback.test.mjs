// Session playback in a real browser: two people type, one opens the playback panel and scrubs through the
// document's history: the start, every step in between (each one a state that really happened, with its author),
// and the end (the text as it is now).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { twoInRoom } from './support/room.mjs';
import { waitFor } from './support/wait.mjs';
import { waitEditorSynced, caretToEnd, typeInEditor, waitSameText, waitTextEquals } from './support/editor.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser();

async function showStep(page, step) {
  await page.getByTestId('playback-timeline').fill(String(step));
  await waitFor(async () => (await page.getByTestId('playback-text').getAttribute('data-step')) === String(step),
    { timeout: 30_000, message: `playback at step ${step}` });
  const [text, author, time] = await Promise.all(['playback-text', 'playback-author', 'playback-time']
    .map((id) => page.getByTestId(id).textContent()));
  return { text, author, time };
}

test('playback scrubs from the empty start through every real state to the current text, naming each author', async () => {
  const { a, b, close } = await twoInRoom(suite.browser, suite.server.url);
  try {
    await Promise.all([waitEditorSynced(a), waitEditorSynced(b)]);
    const starter = await waitSameText([a, b]);
    const ada = 'ada was here';
    const grace = ' and grace too';
    await caretToEnd(a);
    await typeInEditor(a, ada, { delay: 40 });
    await waitTextEquals([a, b], starter + ada, { timeout: 60_000 });
    await caretToEnd(b);
    await typeInEditor(b, grace, { delay: 40 });
    const final = starter + ada + grace;
    await waitTextEquals([a, b], final, { timeout: 60_000 });

    await a.getByTestId('playback-open').click();
    const timeline = a.getByTestId('playback-timeline');
    await waitFor(async () => !(await timeline.isDisabled()), { timeout: 60_000, message: 'the history loaded' });
    const steps = Number(await timeline.getAttribute('max'));
    assert.ok(steps >= 3, `a starter and two people's typing make several steps (${steps})`);

    // It opens at the end: the text as it is now, last typed by Grace.
    assert.equal(await a.getByTestId('playback-text').textContent(), final);
    assert.equal(await a.getByTestId('playback-author').textContent(), 'Grace');

    const start = await showStep(a, 0);
    assert.equal(start.text, '', 'a new room\'s history starts from an empty document');
    const template = await showStep(a, 1);
    assert.equal(template.text, starter, 'then the server wrote the starter template');
    assert.equal(template.author, 'Starter template');

    // Every step in between is a prefix state that really happened, by the person who typed it.
    let adaDone = -1;
    for (let step = 2; step <= steps; step++) {
      const { text, author, time } = await showStep(a, step);
      assert.ok(time.length > 0, `step ${step} shows its time`);
      if (author === 'Ada') {
        assert.ok(text.startsWith(starter) && ada.startsWith(text.slice(starter.length)) && text.length > starter.length,
          `step ${step} by Ada: ${JSON.stringify(text)}`);
        if (text === starter + ada) adaDone = step;
      } else {
        assert.equal(author, 'Grace', `step ${step} is Ada's or Grace's`);
        assert.ok(text.startsWith(starter + ada) && grace.startsWith(text.slice(starter.length + ada.length)) && text.length > (starter + ada).length,
          `step ${step} by Grace: ${JSON.stringify(text)}`);
      }
    }
    assert.ok(adaDone > 1 && adaDone < steps, `the middle of the timeline has Ada's finished line before Grace typed (step ${adaDone} of ${steps})`);
    const middle = await showStep(a, adaDone);
    assert.deepEqual([middle.text, middle.author], [starter + ada, 'Ada']);

    const end = await showStep(a, steps);
    assert.deepEqual([end.text, end.author], [final, 'Grace']);

    // Closing playback leaves the editor as it was; the other person never noticed.
    await a.getByTestId('playback-open').click();
    await a.getByTestId('playback-timeline').waitFor({ state: 'detached', timeout: 30_000 });
    await waitTextEquals([a, b], final, { timeout: 60_000 });
  } finally {
    await close();
  }
});
