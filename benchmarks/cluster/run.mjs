// Cluster benchmarks (docs/benchmarks.md, "Cluster"): a real redis-server and PostgreSQL 15 on loopback ports,
// Interview nodes from the Release build. Prints one JSON line per measurement, each with its baseline from the
// same run and the load average around it. Everything started is stopped at the end, also on failure.
// Usage (through run.sh, which builds and raises `ulimit -n`):
//   node benchmarks/cluster/run.mjs [--connections 5000] [--rooms 200] [--rounds 3] [--edits 100] [--runs 80]
import { loadavg } from 'node:os';
import { arg, round } from '../editor/stats.mjs';
import { idleRoomEnv, measureIdleRooms } from '../editor/idle-room-memory.mjs';
import { startRedis, startPostgres, startNode } from './services.mjs';
import { measurePropagation } from './propagation.mjs';
import { measureConnections } from './connections.mjs';
import { measureRuns, waitForWorkers } from './runs.mjs';

const connections = arg('connections', 5000);
const rooms = arg('rooms', 200);
const rounds = arg('rounds', 3);
const edits = arg('edits', 100);
const runs = arg('runs', 80);
// Settings of every web node: the idle-room benchmark's (workstation GC, no room-creation limit, quick unload),
// and no per-address limit on POST /api/runs.
const webEnv = { ...idleRoomEnv, INTERVIEW_Editor__ApiRunsPerMinute: '100000' };

async function report(benchmark, measure) {
  const load1 = [round(loadavg()[0])];
  const result = await measure();
  load1.push(round(loadavg()[0]));
  console.log(JSON.stringify({ benchmark, date: new Date().toISOString(), load1, ...result }));
}

function perRoom({ baseline, loaded, unloaded }) {
  const kb = (after) => round(((after.reduce((a, b) => a + b, 0) - baseline.reduce((a, b) => a + b, 0)) * 1024) / rooms);
  return { rssBaselineMb: baseline.map(round), rssLoadedMb: loaded.map(round), rssAfterUnloadMb: unloaded.map(round), kbPerIdleRoomLoaded: kb(loaded), kbPerIdleRoomUnloaded: kb(unloaded) };
}

const redis = await startRedis();
const postgres = await startPostgres();
console.log(JSON.stringify({ benchmark: 'cluster-setup', postgresStartupMs: postgres.startupMs }));
try {
  const single = await startNode({ postgres: postgres.database('single'), env: webEnv });
  let singleIdle;
  let singleConnections;
  try {
    singleIdle = perRoom(await measureIdleRooms(single.url, [single.pid], rooms));
    singleConnections = await measureConnections(single, { target: connections });
  } finally {
    await single.stop();
  }

  const clusterDb = postgres.database('cluster');
  const web = await Promise.all([0, 1].map(() => startNode({ redis: redis.address, postgres: clusterDb, env: webEnv })));
  await report('cluster-idle-room-memory', async () => {
    const clustered = perRoom(await measureIdleRooms(web[0].url, web.map((n) => n.pid), rooms));
    return { rooms, createdThrough: 'node 0', singleNode: singleIdle, twoNodeCluster: clustered, loadedRatio: round(clustered.kbPerIdleRoomLoaded / singleIdle.kbPerIdleRoomLoaded) };
  });
  await report('cluster-edit-propagation', () => measurePropagation(web, { rounds, edits }));
  await report('cluster-idle-connections', async () => {
    const clustered = await measureConnections(web[0], { target: connections });
    return { singleNode: singleConnections, clusterNode: clustered, kbPerConnectionRatio: round(clustered.kbPerConnection / singleConnections.kbPerConnection) };
  });

  const workers = [await startNode({ role: 'worker', redis: redis.address })];
  await report('cluster-runs', async () => {
    await waitForWorkers(web[0], workers);
    const one = await measureRuns(web[0], workers, { runs });
    workers.push(await startNode({ role: 'worker', redis: redis.address }));
    await waitForWorkers(web[0], workers);
    const two = await measureRuns(web[0], workers, { runs });
    return { oneWorker: one, twoWorkers: two, runsPerSecondRatio: round(two.runsPerSecond / one.runsPerSecond) };
  });
  await Promise.all([...workers, ...web].map((n) => n.stop()));
} finally {
  await postgres.stop();
  await redis.stop();
}
