// Idle hub connections one node holds: open `target` room-hub connections (SignalR over WebSockets with
// MessagePack, as the browser client connects; negotiate included), `parallel` at a time, stop at the target or at
// the first failures, hold them past the server's keep-alive timeout, then count the ones still open. Reads the
// node's RSS and its /healthz latency with no connections and with all of them.
import { performance } from 'node:perf_hooks';
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { rssMb, percentile, round } from '../editor/stats.mjs';

async function healthzP50Ms(url, times = 20) {
  const values = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/healthz`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
    values.push(performance.now() - started);
  }
  return percentile(values, 50);
}

function connection(url) {
  return new HubConnectionBuilder()
    .withUrl(`${url}/hubs/room`, { transport: HttpTransportType.WebSockets })
    .withHubProtocol(new MessagePackHubProtocol())
    .configureLogging(LogLevel.None)
    .build();
}

export async function measureConnections(node, { target = 5000, parallel = 200, holdSeconds = 35, maxFailures = 20 } = {}) {
  const rssBefore = await rssMb(node.pid);
  const healthBefore = await healthzP50Ms(node.url);
  const open = [];
  const errors = [];
  let closed = 0;
  const started = performance.now();
  while (open.length < target && errors.length < maxFailures) {
    const batch = Array.from({ length: Math.min(parallel, target - open.length) }, () => connection(node.url));
    const results = await Promise.allSettled(batch.map((c) => c.start()));
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') { open.push(batch[i]); batch[i].onclose(() => { closed++; }); } else errors.push(r.reason?.message ?? String(r.reason));
    });
  }
  const connectSeconds = (performance.now() - started) / 1000;
  const rssConnected = await rssMb(node.pid);
  const healthConnected = await healthzP50Ms(node.url);
  await new Promise((resolve) => setTimeout(resolve, holdSeconds * 1000)); // holding them idle is the measurement
  const stillOpen = open.filter((c) => c.state === 'Connected').length;
  const closedByServer = closed;
  const rssHeld = await rssMb(node.pid);
  const healthHeld = await healthzP50Ms(node.url);
  for (let i = 0; i < open.length; i += 500) await Promise.all(open.slice(i, i + 500).map((c) => c.stop()));
  return {
    target, opened: open.length, failures: errors.length, firstError: errors[0] ?? null, connectSeconds: round(connectSeconds),
    connectionsPerSecond: round(open.length / connectSeconds), holdSeconds, stillOpenAfterHold: stillOpen, closedByServer,
    rssBeforeMb: round(rssBefore), rssConnectedMb: round(rssConnected), rssAfterHoldMb: round(rssHeld),
    kbPerConnection: open.length ? round(((rssHeld - rssBefore) * 1024) / open.length) : null,
    healthzP50Ms: { idle: healthBefore, connected: healthConnected, afterHold: healthHeld },
  };
}
