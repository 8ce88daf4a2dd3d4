// Media benchmarks in a real browser (Debian chromium, fake devices, loopback, no ICE servers):
//  1. time to first remote frame: from the second participant's click on Join to its remote video showing frames
//  2. file throughput over the app's data-channel transfer vs a raw RTCDataChannel between the same two pages
//     (same 64 KiB chunks, same 1 MiB / 4 MiB watermarks), as a ratio.
// Run: npm run build && dotnet build Interview.sln -c Release && node benchmarks/media/bench.mjs [--mib 32] [--runs 3]
import { AppServer } from '../../tests/e2e/support/server.mjs';
import { launchBrowser } from '../../tests/e2e/support/browser.mjs';
import { twoInCall, waitRemoteFrames } from '../../tests/e2e/support/media.mjs';

const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const MIB = arg('mib', 32);
const RUNS = arg('runs', 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await AppServer.start({ env: { INTERVIEW_Rooms__HubCallsPer10Seconds: '10000' } });
const browser = await launchBrowser();
try {
  const firstFrame = [];
  let pair = null;
  for (let run = 0; run < RUNS; run++) {
    if (pair) await Promise.all([pair.a.context().close(), pair.b.context().close()]);
    const call = await twoInCall(browser, server);
    firstFrame.push(call.firstFrameMs);
    pair = { a: call.a, b: call.b, bId: call.bId };
  }
  console.log(`first remote frame after join: median ${median(firstFrame)} ms (runs: ${firstFrame.join(', ')})`);

  const { a, b } = pair;
  await waitRemoteFrames(a, pair.bId, { timeout: 30_000 });
  const bytes = MIB * 1024 * 1024;
  const raw = [], app = [];
  for (let run = 0; run < RUNS; run++) {
    raw.push(await rawChannelMs(a, b, bytes));
    app.push(await appTransferMs(a, b, bytes, `bench-${run}.bin`));
  }
  const rate = (ms) => (MIB / (ms / 1000)).toFixed(1);
  console.log(`raw data channel, ${MIB} MiB: median ${median(raw)} ms (${rate(median(raw))} MiB/s; runs ${raw.join(', ')})`);
  console.log(`app file transfer, ${MIB} MiB incl. SHA-256 both sides: median ${median(app)} ms (${rate(median(app))} MiB/s; runs ${app.join(', ')})`);
  console.log(`throughput ratio app/raw: ${(median(raw) / median(app)).toFixed(2)}`);
} finally {
  await browser.close();
  await server.dispose();
}

/** A bare RTCDataChannel between the two pages (signaled by this script), same chunking and watermarks. */
async function rawChannelMs(a, b, bytes) {
  const offer = await a.evaluate(async () => {
    const pc = new RTCPeerConnection();
    const channel = pc.createDataChannel('raw', { negotiated: true, id: 0 });
    window.__raw = { pc, channel };
    await pc.setLocalDescription();
    await new Promise((r) => { if (pc.iceGatheringState === 'complete') r(); else pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && r()); });
    return pc.localDescription.toJSON();
  });
  const answer = await b.evaluate(async ({ offer, bytes }) => {
    const pc = new RTCPeerConnection();
    const channel = pc.createDataChannel('raw', { negotiated: true, id: 0 });
    channel.binaryType = 'arraybuffer';
    let got = 0;
    window.__raw = { pc, channel, done: new Promise((resolve) => channel.onmessage = (e) => { got += e.data.byteLength; if (got >= bytes) resolve(Date.now()); }) };
    await pc.setRemoteDescription(offer);
    await pc.setLocalDescription();
    await new Promise((r) => { if (pc.iceGatheringState === 'complete') r(); else pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && r()); });
    return pc.localDescription.toJSON();
  }, { offer, bytes });
  const started = await a.evaluate(async ({ answer, bytes }) => {
    const { pc, channel } = window.__raw;
    await pc.setRemoteDescription(answer);
    if (channel.readyState !== 'open') await new Promise((r) => channel.addEventListener('open', r, { once: true }));
    channel.bufferedAmountLowThreshold = 1024 * 1024;
    const chunk = new Uint8Array(64 * 1024);
    const start = Date.now();
    (async () => {
      for (let sent = 0; sent < bytes; sent += chunk.length) {
        if (channel.bufferedAmount >= 4 * 1024 * 1024) await new Promise((r) => channel.addEventListener('bufferedamountlow', r, { once: true }));
        channel.send(chunk);
      }
    })();
    return start;
  }, { answer, bytes });
  const ended = await b.evaluate(() => window.__raw.done);
  await Promise.all([a, b].map((p) => p.evaluate(() => { window.__raw.pc.close(); delete window.__raw; })));
  return ended - started;
}

/** The app's transfer: file-input on one side, until the receiver's item is done (hash verified). */
async function appTransferMs(a, b, bytes, name) {
  await b.evaluate((name) => {
    window.__doneAt = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const item = document.querySelector(`[data-testid="file-transfer"][data-direction="receive"][data-name="${name}"][data-state="done"]`);
        if (item) { observer.disconnect(); resolve(Date.now()); }
      });
      observer.observe(document.body, { subtree: true, attributes: true, childList: true });
    });
  }, name);
  // The file is made in the page (shipping tens of MiB through setInputFiles would dominate the timing).
  const started = await a.evaluate(({ bytes, name }) => {
    const parts = [];
    for (let at = 0; at < bytes; at += 65536) parts.push(crypto.getRandomValues(new Uint8Array(Math.min(65536, bytes - at))));
    const transfer = new DataTransfer();
    transfer.items.add(new File(parts, name, { type: 'application/octet-stream' }));
    const input = document.querySelector('[data-testid="file-input"]');
    input.files = transfer.files;
    const at = Date.now();
    input.dispatchEvent(new Event('change'));
    return at;
  }, { bytes, name });
  const ended = await b.evaluate(() => window.__doneAt);
  return ended - started;
}
