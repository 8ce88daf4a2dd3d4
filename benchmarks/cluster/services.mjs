// What a cluster benchmark starts, and stops again whatever happens: redis-server and a PostgreSQL 15 server on
// free loopback ports (in memory / fsync off: nothing here must survive the run), and Interview nodes from the
// Release build (tests/e2e/support/server.mjs). Every process is registered for an exit hook, so a failed or
// interrupted run leaves nothing behind.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { AppServer, freePort, repoRoot } from '../../tests/e2e/support/server.mjs';
import { waitFor } from '../../tests/e2e/support/wait.mjs';

const pgBin = '/usr/lib/postgresql/15/bin';
const webDll = path.join(repoRoot, 'src/Interview.Web/bin/Release/net10.0/Interview.Web.dll');
const stops = new Set();

/** Runs `stop` (synchronous) at the end of the run, also on an uncaught error, SIGINT or SIGTERM. */
function atExit(stop) {
  stops.add(stop);
  return () => stops.delete(stop);
}

function stopAll() {
  for (const stop of [...stops].reverse()) {
    try { stop(); } catch { /* already gone */ }
  }
  stops.clear();
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stopAll(); process.exit(130); });

export async function startRedis() {
  const port = await freePort();
  const child = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxclients', '20000'], { stdio: 'ignore' });
  const forget = atExit(() => child.kill('SIGKILL'));
  const address = `127.0.0.1:${port}`;
  await waitFor(() => ping(port), { timeout: 10_000, message: `redis-server on ${address}` });
  return {
    address,
    stop: async () => { forget(); child.kill('SIGKILL'); },
  };
}

async function ping(port) {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => { socket.destroy(); resolve(data.toString().startsWith('+PONG')); });
    socket.once('error', () => resolve(false));
  });
}

/** A fresh PostgreSQL 15 cluster (run as the postgres user when we are root, as the server refuses root). */
export async function startPostgres() {
  const root = mkdtempSync(path.join(tmpdir(), 'interview-bench-pg-'));
  chmodSync(root, 0o777);
  const port = await freePort();
  const data = path.join(root, 'data');
  const tool = (name, ...args) => {
    const [file, argv] = process.getuid() === 0 ? ['runuser', ['-u', 'postgres', '--', path.join(pgBin, name), ...args]] : [path.join(pgBin, name), args];
    return execFileSync(file, argv, { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  };
  const started = Date.now();
  tool('initdb', '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions');
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300`;
  const stop = () => { tool('pg_ctl', 'stop', '-D', data, '-m', 'immediate'); rmSync(root, { recursive: true, force: true }); };
  const forget = atExit(stop);
  tool('pg_ctl', 'start', '-D', data, '-l', path.join(root, 'server.log'), '-w', '-t', '60', '-o', options);
  return {
    startupMs: Date.now() - started,
    /** Creates an empty database and returns the Npgsql connection string for INTERVIEW_POSTGRES. */
    database(name) {
      tool('createdb', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name);
      return `Host=127.0.0.1;Port=${port};Username=postgres;Database=${name}`;
    },
    stop: async () => { forget(); stop(); },
  };
}

/**
 * Starts an Interview node and waits for its /healthz (200 only once it joined its cluster and reaches storage).
 * `redis` null: a node on its own (no cluster). `env` adds settings.
 */
export async function startNode({ role = 'web', redis = null, postgres = null, env = {} } = {}) {
  if (!existsSync(webDll)) throw new Error(`${webDll} missing: run benchmarks/cluster/run.sh (it builds first)`);
  const cluster = redis ? { INTERVIEW_REDIS: redis, INTERVIEW_SILO_PORT: String(await freePort()) } : {};
  const storage = postgres ? { INTERVIEW_POSTGRES: postgres } : {};
  const server = new AppServer({
    port: await freePort(), dataDir: mkdtempSync(path.join(tmpdir(), 'interview-bench-node-')),
    env: { INTERVIEW_ROLE: role, ...cluster, ...storage, ...env },
  });
  const forget = atExit(() => { server.process?.kill('SIGKILL'); rmSync(server.dataDir, { recursive: true, force: true }); });
  await server.run();
  return { server, url: server.url, pid: server.process.pid, stop: async () => { forget(); await server.dispose(); } };
}
