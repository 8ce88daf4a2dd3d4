// Starts the web host from its Release build on a free loopback port with a temporary data dir, and stops it by
// pid. The same data dir can be reused across restarts (server-restart tests).
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
  constructor({ port, dataDir, env = {} }) {
    this.port = port;
    this.dataDir = dataDir;
    this.env = env;
    this.url = `http://127.0.0.1:${port}`;
    this.process = null;
    this.output = '';
  }

  static async start({ env = {} } = {}) {
    if (!existsSync(webDll)) throw new Error(`${webDll} missing: build with dotnet build -c Release first (./test.sh does)`);
    const server = new AppServer({ port: await freePort(), dataDir: mkdtempSync(path.join(tmpdir(), 'interview-e2e-')), env });
    await server.run();
    return server;
  }

  async run() {
    this.process = spawn('dotnet', [webDll, '--urls', this.url], {
      cwd: path.join(repoRoot, 'src/Interview.Web'),
      env: { ...process.env, ...this.env, INTERVIEW_DATA_DIR: this.dataDir, ASPNETCORE_ENVIRONMENT: 'Production', DOTNET_NOLOGO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const append = (chunk) => { this.output = (this.output + chunk).slice(-20_000); };
    this.process.stdout.on('data', append);
    this.process.stderr.on('data', append);
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    await waitFor(async () => {
      if (this.process.exitCode !== null) throw new Error(`server exited early:\n${this.output}`);
      const response = await fetch(`${this.url}/healthz`).catch(() => null);
      return response?.ok;
    }, { timeout: 90_000, interval: 100, message: `server at ${this.url}` });
    this.exited = exited;
  }

  /** Kills the process (SIGKILL unless told otherwise) and waits until it is gone. */
  async stop(signal = 'SIGKILL') {
    if (!this.process || this.process.exitCode !== null) return;
    this.process.kill(signal);
    await this.exited;
  }

  async restart() {
    await this.stop();
    await this.run();
  }

  async dispose() {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
