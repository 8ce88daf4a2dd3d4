// Code runs through a web node's POST /api/runs (docs/runs-api.md) while the cluster has sandbox worker nodes:
// `runs` python hello programs, `inFlight` at a time, timed from the first request to the last answer. Every
// answer must be status ok; `node` in it says which worker ran it.
import { performance } from 'node:perf_hooks';
import { waitFor } from '../../tests/e2e/support/wait.mjs';
import { round } from '../editor/stats.mjs';

async function run(url) {
  const response = await fetch(`${url}/api/runs`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ language: 'python', source: "print('hello')" }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`POST /api/runs answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** The worker that ran `result`, by process id (a node id is `<machine>-<pid>-<guid>`). */
const ranOn = (workers, result) => workers.find((w) => result.node?.includes(`-${w.pid}-`));

/** Sends runs until every one of `workers` has run one: the web node has seen them all join. */
export async function waitForWorkers(web, workers) {
  const seen = new Set();
  await waitFor(async () => {
    const results = await Promise.all(workers.map(() => run(web.url)));
    for (const result of results) { const worker = ranOn(workers, result); if (worker) seen.add(worker); }
    return seen.size === workers.length;
  }, { timeout: 60_000, interval: 200, message: `runs on each of ${workers.length} workers` });
}

export async function measureRuns(web, workers, { runs = 80, inFlight = 8 } = {}) {
  const results = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < runs) { next++; results.push(await run(web.url)); }
  }));
  const seconds = (performance.now() - started) / 1000;
  const byWorker = workers.map((w) => results.filter((r) => ranOn(workers, r) === w).length);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { workers: workers.length, runs, inFlight, seconds: round(seconds), runsPerSecond: round(runs / seconds), statuses, byWorker };
}
