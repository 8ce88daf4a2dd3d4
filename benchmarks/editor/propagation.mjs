// p95 browser→browser edit propagation: 5 typists in one room, each making 10 edits a second in their own
// browser context, for DURATION seconds. Every edit inserts a unique token through Monaco (executeEdits, as a
// keystroke does); each page timestamps, with the shared monotonic clock of the machine
// (performance.timeOrigin + performance.now()), when a token is typed locally and when it appears remotely.
// Usage: node benchmarks/editor/propagation.mjs [--typists 5] [--rate 10] [--seconds 20]
import { AppServer } from '../../tests/e2e/support/server.mjs';
import { launchBrowser } from '../../tests/e2e/support/browser.mjs';
import { createRoom, joinRoom } from '../../tests/e2e/support/room.mjs';
import { waitEditorSynced, FIND_EDITOR } from '../../tests/e2e/support/editor.mjs';
import { arg, percentile, summary } from './stats.mjs';

const typists = arg('typists', 5);
const rate = arg('rate', 10);
const seconds = arg('seconds', 20);

const server = await AppServer.start({ env: { INTERVIEW_Rooms__MaxCapacity: '50', INTERVIEW_Rooms__DefaultCapacity: '50' } });
const browser = await launchBrowser();
try {
  const pages = [];
  let roomUrl;
  for (let i = 0; i < typists; i++) {
    const page = await (await browser.newContext()).newPage();
    if (i === 0) roomUrl = await createRoom(page, server.url);
    await joinRoom(page, roomUrl, `Typist ${i}`);
    await waitEditorSynced(page, 60_000);
    pages.push(page);
  }
  // Each page: its own line to type on, and a log of when every token was seen.
  await pages[0].evaluate((find) => {
    const editor = eval(find);
    editor.executeEdits('bench', [{ range: editor.getModel().getFullModelRange(), text: '\n'.repeat(12) }]);
  }, FIND_EDITOR);
  await Promise.all(pages.map((page, i) => page.evaluate(([find, me]) => {
    const model = eval(find).getModel();
    window.__bench = { me, seen: {} };
    model.onDidChangeContent((e) => {
      const t = performance.timeOrigin + performance.now();
      for (const change of e.changes) {
        for (const m of change.text.matchAll(/\[(\d+):(\d+)\]/g)) window.__bench.seen[m[0]] ??= t;
      }
    });
  }, [FIND_EDITOR, i])));
  await new Promise((resolve) => setTimeout(resolve, 2000));

  const started = Date.now();
  await Promise.all(pages.map((page, i) => page.evaluate(async ([find, me, rate, seconds]) => {
    const editor = eval(find);
    const model = editor.getModel();
    const count = rate * seconds;
    for (let n = 0; n < count; n++) {
      const line = me + 1;
      const column = model.getLineMaxColumn(line);
      editor.executeEdits('bench', [{ range: { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column }, text: `[${me}:${n}]` }]);
      await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
    }
  }, [FIND_EDITOR, i, rate, seconds])));
  await new Promise((resolve) => setTimeout(resolve, 3000));

  const logs = await Promise.all(pages.map((page) => page.evaluate(() => window.__bench)));
  const latencies = [];
  let missing = 0;
  for (const sender of logs) {
    for (let n = 0; n < rate * seconds; n++) {
      const token = `[${sender.me}:${n}]`;
      const sent = sender.seen[token];
      for (const receiver of logs) {
        if (receiver === sender) continue;
        const got = receiver.seen[token];
        if (sent === undefined || got === undefined) missing++;
        else latencies.push(got - sent);
      }
    }
  }
  console.log(JSON.stringify({
    benchmark: 'editor-propagation', typists, editsPerSecondEach: rate, seconds, wallSeconds: (Date.now() - started) / 1000,
    samples: latencies.length, missing, ...summary(latencies), p95Ms: percentile(latencies, 95),
  }));
} finally {
  await browser.close();
  await server.dispose();
}
