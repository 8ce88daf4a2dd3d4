// p95 browser→browser edit propagation: N typists in one room, each making RATE edits a second in their own
// browser context, for SECONDS seconds. Every edit inserts a unique token through Monaco (executeEdits, as a
// keystroke does); each page timestamps, with the shared monotonic clock of the machine
// (performance.timeOrigin + performance.now()), when a token is typed locally and when it appears remotely.
// The machine is shared, so every run also measures a 2-typist baseline on the same server and browser and prints
// the ratio, with the load average around each measurement.
// Rooms are opened with `?call=off` (no camera/mic call): a typing benchmark should not measure video encoding.
// `--call on` keeps the call, to see what a 5-party mesh of fake video costs the editor.
// Usage: node benchmarks/editor/propagation.mjs [--typists 5] [--rate 10] [--seconds 20] [--baseline 2] [--call on]
import { loadavg } from 'node:os';
import { AppServer } from '../../tests/e2e/support/server.mjs';
import { launchBrowser } from '../../tests/e2e/support/browser.mjs';
import { createRoom, joinRoom } from '../../tests/e2e/support/room.mjs';
import { waitEditorSynced, FIND_EDITOR } from '../../tests/e2e/support/editor.mjs';
import { arg, percentile, summary, round, cpuByGroup } from './stats.mjs';

const typists = arg('typists', 5);
const baseline = arg('baseline', 2);
const rate = arg('rate', 10);
const seconds = arg('seconds', 20);
const withCall = process.argv.includes('--call') && process.argv[process.argv.indexOf('--call') + 1] === 'on';

async function measure(browser, server, count) {
  const serverUrl = server.url;
  const contexts = [];
  const pages = [];
  try {
    let roomUrl;
    for (let i = 0; i < count; i++) {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(120_000); // the machine may be shared and loaded: joining can take long
      if (i === 0) roomUrl = (await createRoom(page, serverUrl)) + (withCall ? '' : '?call=off');
      await joinRoom(page, roomUrl, `Typist ${i}`, { timeout: 120_000 });
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

    const loadBefore = loadavg()[0];
    const cpuBefore = await cpuByGroup(server.process.pid);
    const started = Date.now();
    await Promise.all(pages.map((page, i) => page.evaluate(async ([find, me, rate, seconds]) => {
      const editor = eval(find);
      const model = editor.getModel();
      const total = rate * seconds;
      for (let n = 0; n < total; n++) {
        const line = me + 1;
        const column = model.getLineMaxColumn(line);
        editor.executeEdits('bench', [{ range: { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column }, text: `[${me}:${n}]` }]);
        await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
      }
    }, [FIND_EDITOR, i, rate, seconds])));
    const wallSeconds = (Date.now() - started) / 1000;
    const cpuAfter = await cpuByGroup(server.process.pid);
    // Where the CPU went while typing: seconds of CPU per second of wall time, by process group.
    const cpuPerSecond = Object.fromEntries(Object.keys(cpuAfter).map((k) => [k, round((cpuAfter[k] - cpuBefore[k]) / wallSeconds)]));
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
    return {
      typists: count, wallSeconds, samples: latencies.length, missing, ...summary(latencies),
      p95Ms: percentile(latencies, 95), load1: [round(loadBefore), round(loadavg()[0])], cpuPerSecond,
    };
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}

const server = await AppServer.start({ env: { INTERVIEW_Rooms__MaxCapacity: '50', INTERVIEW_Rooms__DefaultCapacity: '50' } });
const browser = await launchBrowser();
try {
  const base = await measure(browser, server, baseline);
  const load = await measure(browser, server, typists);
  console.log(JSON.stringify({
    benchmark: 'editor-propagation', call: withCall, editsPerSecondEach: rate, seconds,
    baseline: base, measured: load, p95Ratio: base.p95Ms ? round(load.p95Ms / base.p95Ms) : null,
  }));
} finally {
  await browser.close();
  await server.dispose();
}
