// Rooms benchmark: join time and chat latency between two browsers on loopback.
// Chat latency is measured twice in the same run: through the UI (Blazor form → room actor → SQLite → hub and
// circuit → other page's DOM) and, as the baseline, a bare hub invocation from the page's room client.
// Usage: node benchmarks/rooms/run.mjs [messages=40]   (needs the Release build and the client bundle)
import { AppServer } from '../../tests/e2e/support/server.mjs';
import { launchBrowser } from '../../tests/e2e/support/browser.mjs';
import { createRoom, joinRoom, waitConnected } from '../../tests/e2e/support/room.mjs';

const messages = Number(process.argv[2] ?? 40);
const server = await AppServer.start();
const browser = await launchBrowser();

const percentile = (values, p) => [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(values.length * p))];
const summary = (values) => `p50 ${percentile(values, 0.5)} ms, p95 ${percentile(values, 0.95)} ms`;

try {
  const a = await (await browser.newContext()).newPage();
  const roomUrl = await createRoom(a, server.url);
  await joinRoom(a, roomUrl, 'Ada');

  // Join time: from navigation to being listed as yourself, for fresh contexts.
  const joins = [];
  for (let i = 0; i < 5; i++) {
    const page = await (await browser.newContext()).newPage();
    const started = Date.now();
    await page.goto(roomUrl);
    await waitConnected(page);
    const interactive = Date.now() - started;
    await joinRoom(page, roomUrl, `Guest ${i}`);
    joins.push({ interactive, joined: Date.now() - started });
    await page.context().close();
  }

  const b = await (await browser.newContext()).newPage();
  await joinRoom(b, roomUrl, 'Grace');
  await b.evaluate(() => {
    window.__seen = new Map();
    new MutationObserver(() => {
      for (const item of document.querySelectorAll('[data-testid="chat-message"] .text')) {
        if (!window.__seen.has(item.textContent)) window.__seen.set(item.textContent, Date.now());
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  async function measure(send) {
    const latencies = [];
    for (let i = 0; i < messages; i++) {
      const text = `${send.name}-${i}-${Math.random().toString(36).slice(2)}`;
      const sentAt = await send(text);
      const seenAt = await b.waitForFunction((t) => window.__seen.get(t), text, { polling: 5 }).then((h) => h.jsonValue());
      latencies.push(seenAt - sentAt);
      await a.waitForTimeout(1100); // stay under the chat rate limit (10 per 10 s): pacing, not a race guard
    }
    return latencies;
  }

  async function ui(text) {
    await a.getByTestId('chat-input').fill(text);
    return a.evaluate(() => { const t = Date.now(); document.querySelector('[data-testid="chat-send"]').click(); return t; });
  }

  async function hub(text) {
    return a.evaluate(async (t) => {
      const client = await (await import('/client/dist/room.js')).currentRoom();
      const sentAt = Date.now();
      await client.connection.invoke('SendChat', t);
      return sentAt;
    }, text);
  }

  const viaHub = await measure(hub);
  const viaUi = await measure(ui);
  const interactive = joins.map((j) => j.interactive);
  const joined = joins.map((j) => j.joined);
  console.log(`join: page load → connected ${summary(interactive)}; → listed as yourself ${summary(joined)}`);
  console.log(`chat latency A→B via hub (baseline): ${summary(viaHub)}`);
  console.log(`chat latency A→B via UI:             ${summary(viaUi)}`);
  console.log(`ratio UI / hub (p50): ${(percentile(viaUi, 0.5) / Math.max(1, percentile(viaHub, 0.5))).toFixed(2)}`);
} finally {
  await browser.close();
  await server.dispose();
}
