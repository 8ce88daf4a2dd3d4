// A room with 50 connected editors (non-browser peers on the room hub, each with its own Y.Doc, like the
// .NET/JS clients in the tests): join time, then every peer makes one edit a second for SECONDS seconds and we
// measure how long each edit takes to reach the 49 others (fan-out through the server), and the server's memory.
// With `--peers 5 --rate 10` it is the server path of the propagation benchmark (5 typists × 10 edits/s) without
// browsers: what the protocol, the room actor and the group commit cost on their own.
// Usage: node benchmarks/editor/fifty-editors.mjs [--peers 50] [--seconds 10] [--rate 1]
import { loadavg } from 'node:os';
import { AppServer } from '../../tests/e2e/support/server.mjs';
import { HubPeer, createRoomOverHttp } from '../../tests/e2e/support/hub-peer.mjs';
import { arg, percentile, summary, rssMb, round } from './stats.mjs';

const count = arg('peers', 50);
const seconds = arg('seconds', 10);
const rate = arg('rate', 1);
const server = await AppServer.start({ env: { INTERVIEW_Rooms__MaxCapacity: '50', INTERVIEW_Rooms__DefaultCapacity: '50' } });
try {
  const roomId = await createRoomOverHttp(server.url, 50);
  const load1 = [round(loadavg()[0])];
  const rssBefore = await rssMb(server.process.pid);
  const joinStarted = performance.now();
  const peers = [];
  for (let i = 0; i < count; i++) {
    const peer = new HubPeer(server.url, roomId, `Editor ${i}`);
    await peer.connect();
    peers.push(peer);
  }
  const joinMs = performance.now() - joinStarted;

  const seen = new Map(); // token → [sentAt, ...arrivals]
  for (const peer of peers) {
    peer.doc.getText('monaco').observe((event) => {
      if (event.transaction.local) return;
      const t = performance.now();
      for (const op of event.delta) {
        if (typeof op.insert !== 'string') continue;
        for (const m of op.insert.matchAll(/\[\d+:\d+\]/g)) seen.get(m[0])?.push(t);
      }
    });
  }
  const failures = [];
  await Promise.all(peers.map(async (peer, i) => {
    // A random phase, then one edit every 1/rate s (an edit waits for its acknowledgement first).
    await new Promise((resolve) => setTimeout(resolve, (1000 / rate) * Math.random()));
    for (let n = 0; n < seconds * rate; n++) {
      const due = performance.now() + 1000 / rate;
      const token = `[${i}:${n}]`;
      seen.set(token, [performance.now()]);
      await peer.edit((text) => text.insert(text.length, token)).catch((e) => failures.push(String(e)));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
  }));
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const latencies = [];
  let incomplete = 0;
  for (const [sent, ...arrivals] of seen.values()) {
    if (arrivals.length < count - 1) incomplete++;
    for (const t of arrivals) latencies.push(t - sent);
  }
  const rssAfter = await rssMb(server.process.pid);
  const converged = peers.every((p) => p.text === peers[0].text);
  console.log(JSON.stringify({
    benchmark: 'editor-fifty-editors', peers: count, editsPerSecondEach: rate, joinAllMs: round(joinMs), edits: seen.size, deliveries: latencies.length,
    incomplete, failures: failures.length, converged, ...summary(latencies), p95Ms: percentile(latencies, 95),
    serverRssMb: { before: round(rssBefore), after: round(rssAfter) }, load1: [...load1, round(loadavg()[0])],
  }));
  await Promise.all(peers.map((p) => p.close()));
} finally {
  await server.dispose();
}
