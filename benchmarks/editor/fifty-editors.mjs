// A room with 50 connected editors (non-browser peers on the room hub, each with its own Y.Doc, like the
// .NET/JS clients in the tests): join time, then every peer makes one edit a second for SECONDS seconds and we
// measure how long each edit takes to reach the 49 others (fan-out through the server), and the server's memory.
// Usage: node benchmarks/editor/fifty-editors.mjs [--peers 50] [--seconds 10]
import { AppServer } from '../../tests/e2e/support/server.mjs';
import { HubPeer, createRoomOverHttp } from '../../tests/e2e/support/hub-peer.mjs';
import { arg, percentile, summary, rssMb, round } from './stats.mjs';

const count = arg('peers', 50);
const seconds = arg('seconds', 10);
const server = await AppServer.start({ env: { INTERVIEW_Rooms__MaxCapacity: '50', INTERVIEW_Rooms__DefaultCapacity: '50' } });
try {
  const roomId = await createRoomOverHttp(server.url, 50);
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
    for (let n = 0; n < seconds; n++) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Math.random()));
      const token = `[${i}:${n}]`;
      seen.set(token, [performance.now()]);
      await peer.edit((text) => text.insert(text.length, token)).catch((e) => failures.push(String(e)));
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
    benchmark: 'editor-fifty-editors', peers: count, joinAllMs: round(joinMs), edits: seen.size, deliveries: latencies.length,
    incomplete, failures: failures.length, converged, ...summary(latencies), p95Ms: percentile(latencies, 95),
    serverRssMb: { before: round(rssBefore), after: round(rssAfter) },
  }));
  await Promise.all(peers.map((p) => p.close()));
} finally {
  await server.dispose();
}
