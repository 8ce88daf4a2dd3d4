// Starts the web host from its Release build on a free loopback port with a temporary data dir, and stops it by
// pid. The same data dir can be reused across restarts (server-restart tests), or shared by several hosts (cluster
// tests pass `dataDir`, which is then theirs to delete). With `processGroup` the host runs in its own process
// group and stopping it kills the whole group (the host and every sandbox process it started), also when the test
// process exits without stopping it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const webDll = path.join(repoRoot, 'src/Interview.Web/bin/Release/net10.0/Interview.Web.dll');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export class AppServer {
  constructor({ port, dataDir, env = {}, ownsDataDir = true, processGroup = false }) {
    this.port = port;
    this.dataDir = dataDir;
    this.env = env;
    this.ownsDataDir = ownsDataDir;
    this.processGroup = processGroup;
    this.url = `http://127.0.0.1:${port}`;
    this.process = null;
    this.output = '';
  }

  static async start({ env = {}, dataDir, processGroup = false } = {}) {
    if (!existsSync(webDll)) throw new Error(`${webDll} missing: build with dotnet build -c Release first (./test.sh does)`);
    const server = new AppServer({
      port: await freePort(),
      dataDir: dataDir ?? mkdtempSync(path.join(tmpdir(), 'interview-e2e-')),
      ownsDataDir: dataDir === undefined,
      env,
      processGroup,
    });
    try {
      await server.run();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  async run() {
    this.process = spawn('dotnet', [webDll, '--urls', this.url], {
      cwd: path.join(repoRoot, 'src/Interview.Web'),
      env: { ...process.env, ...this.env, INTERVIEW_DATA_DIR: this.dataDir, ASPNETCORE_ENVIRONMENT: 'Production', DOTNET_NOLOGO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: this.processGroup,
    });
    if (this.processGroup) {
      const group = -this.process.pid;
      const killGroup = () => { try { process.kill(group, 'SIGKILL'); } catch { /* already gone */ } };
      process.once('exit', killGroup);
      this.process.once('exit', () => process.off('exit', killGroup));
    }
    const append = (chunk) => { this.output = (this.output + chunk).slice(-20_000); };
    this.process.stdout.on('data', append);
    this.process.stderr.on('data', append);
    this.exited = new Promise((resolve) => this.process.once('exit', resolve));
    await waitFor(async () => {
      if (this.process.exitCode !== null) throw new Error(`server exited early:\n${this.output}`);
      const response = await fetch(`${this.url}/healthz`).catch(() => null);
      return response?.ok;
    }, { timeout: 90_000, interval: 100, message: `server at ${this.url}` });
  }

  /** Kills the process (SIGKILL unless told otherwise) and waits until it is gone. */
  async stop(signal = 'SIGKILL') {
    if (!this.process || this.process.exitCode !== null || this.process.signalCode !== null) return;
    if (this.processGroup) process.kill(-this.process.pid, signal);
    else this.process.kill(signal);
    await this.exited;
  }

  async restart() {
    await this.stop();
    await this.run();
  }

  async dispose() {
    await this.stop();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
