// Debian's redis-server on a free loopback port, in memory only (no RDB, no AOF), for cluster tests. Stopped by
// SIGKILL. Install it with scripts/setup.sh (Debian package redis-server).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from './server.mjs';
import { waitFor } from './wait.mjs';

const binary = '/usr/bin/redis-server';

function answersPing(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString('ascii').startsWith('+PONG')));
  });
}

export class RedisServer {
  constructor(process, port) {
    this.process = process;
    this.port = port;
    this.output = '';
    this.exited = new Promise((resolve) => process.once('exit', resolve));
    const append = (chunk) => { this.output = (this.output + chunk).slice(-10_000); };
    process.stdout.on('data', append);
    process.stderr.on('data', append);
  }

  /** The INTERVIEW_REDIS value that reaches this server. */
  get configuration() { return `127.0.0.1:${this.port}`; }

  static async start() {
    if (!existsSync(binary)) throw new Error(`${binary} is missing: run scripts/setup.sh (Debian package redis-server)`);
    const port = await freePort();
    const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new RedisServer(child, port);
    try {
      await waitFor(async () => {
        if (child.exitCode !== null) throw new Error(`redis-server exited:\n${server.output}`);
        return answersPing(port);
      }, { timeout: 10_000, interval: 20, message: `redis-server answering PING on ${port}` });
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  async stop() {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.kill('SIGKILL');
    await this.exited;
  }
}
