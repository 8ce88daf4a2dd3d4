// Edit propagation in a 2-node cluster: hub clients (tests/e2e/support/hub-peer.mjs: @microsoft/signalr +
// MessagePack, Yjs frames as the browser sends them) in one room, each edit timed from just before it is sent
// until the other client's Y.Text has it (one process, one monotonic clock). Three pairings, interleaved round by
// round so machine noise hits them alike: both clients on the node hosting the room's grain (the baseline), both
// on the other node, and one on each node.
import { performance } from 'node:perf_hooks';
import { HubPeer, createRoomOverHttp } from '../../tests/e2e/support/hub-peer.mjs';
import { waitFor } from '../../tests/e2e/support/wait.mjs';
import { percentile, round } from '../editor/stats.mjs';

/** Which of `nodes` logged that it hosts `roomId`'s grain (RoomGrainLog.Active). */
async function grainNode(nodes, roomId) {
  const active = new RegExp(`Room "?${roomId}"? is active on this node`);
  return waitFor(() => nodes.find((node) => active.test(node.server.output)), { timeout: 30_000, message: `the node hosting room ${roomId}` });
}

async function peer(node, roomId, name, arrivals) {
  const p = new HubPeer(node.url, roomId, name);
  await p.connect();
  p.doc.getText('monaco').observe((event) => {
    const t = performance.now();
    for (const op of event.delta) {
      if (typeof op.insert !== 'string') continue;
      for (const m of op.insert.matchAll(/\[(\d+)\]/g)) if (!arrivals.has(`${name}${m[0]}`)) arrivals.set(`${name}${m[0]}`, t);
    }
  });
  return p;
}

/** `edits` edits, alternating between the two peers of `pair`, `rate` a second in all; latencies in ms. */
async function timeEdits(pair, edits, rate, arrivals, next) {
  const sent = [];
  const acks = [];
  for (let i = 0; i < edits; i++) {
    const [from, to] = i % 2 === 0 ? pair : [pair[1], pair[0]];
    const token = `[${next.value++}]`;
    sent.push({ key: `${to.name}${token}`, at: performance.now() });
    acks.push(from.peer.edit((text) => text.insert(text.length, token)));
    await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
  }
  await Promise.all(acks);
  await waitFor(() => sent.every((s) => arrivals.has(s.key)), { timeout: 30_000, message: 'every edit at the other client' });
  return sent.map((s) => arrivals.get(s.key) - s.at);
}

export async function measurePropagation(nodes, { rounds = 3, edits = 100, rate = 20 } = {}) {
  const roomId = await createRoomOverHttp(nodes[0].url);
  const arrivals = new Map();
  const first = await peer(nodes[0], roomId, 'a', arrivals);
  const host = await grainNode(nodes, roomId);
  const other = nodes.find((node) => node !== host);
  const named = async (node, name) => ({ name, peer: name === 'a' ? first : await peer(node, roomId, name, arrivals) });
  // 'a' joined nodes[0] to place the room: it stays on whichever node that is.
  const onHost = [host === nodes[0] ? await named(host, 'a') : await named(host, 'h1'), await named(host, 'h2')];
  const onOther = [other === nodes[0] ? await named(other, 'a') : await named(other, 'o1'), await named(other, 'o2')];
  const pairs = { sameNodeAsGrain: onHost, sameNodeOtherThanGrain: onOther, crossNode: [onHost[0], onOther[0]] };
  const latencies = Object.fromEntries(Object.keys(pairs).map((k) => [k, []]));
  const next = { value: 0 };
  try {
    await timeEdits(pairs.crossNode, 20, rate, arrivals, next); // warm-up: JIT, connections, pools
    for (let r = 0; r < rounds; r++) {
      for (const [name, pair] of Object.entries(pairs)) latencies[name].push(...await timeEdits(pair, edits, rate, arrivals, next));
    }
  } finally {
    await Promise.all([...onHost, ...onOther].map((p) => p.peer.close()));
  }
  const stats = (values) => ({ samples: values.length, p50Ms: percentile(values, 50), p95Ms: percentile(values, 95), p99Ms: percentile(values, 99) });
  const result = Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, stats(v)]));
  const base = result.sameNodeAsGrain;
  return {
    ...result,
    crossNodeAddedP50Ms: round(result.crossNode.p50Ms - base.p50Ms),
    crossNodeAddedP95Ms: round(result.crossNode.p95Ms - base.p95Ms),
    p50Ratio: { sameNodeOtherThanGrain: round(result.sameNodeOtherThanGrain.p50Ms / base.p50Ms), crossNode: round(result.crossNode.p50Ms / base.p50Ms) },
    p95Ratio: { sameNodeOtherThanGrain: round(result.sameNodeOtherThanGrain.p95Ms / base.p95Ms), crossNode: round(result.crossNode.p95Ms / base.p95Ms) },
  };
}
