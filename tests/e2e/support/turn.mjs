// A real coturn (Debian package `coturn`, installed by scripts/setup.sh) on loopback for the TURN tests: TURN REST
// credentials (use-auth-secret + static-auth-secret, as docs/operations.md configures it), no TLS, a free port,
// loopback peers allowed (both browsers are on 127.0.0.1). Stopped by pid.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './server.mjs';
import { waitFor } from './wait.mjs';

export function turnserverPath() {
  try {
    return execFileSync('sh', ['-c', 'command -v turnserver'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('turnserver not found: run scripts/setup.sh, which installs coturn (apt-get install coturn)');
  }
}

export class TurnServer {
  output = '';

  static async start({ secret, realm = 'interview.test' }) {
    const turn = new TurnServer();
    turn.port = await freePort();
    turn.dir = mkdtempSync(path.join(tmpdir(), 'interview-turn-'));
    // Relay ports: a random window of 200 in the dynamic range; coturn skips any that are taken.
    const minPort = 49152 + Math.floor(Math.random() * 15000);
    turn.process = spawn(turnserverPath(), [
      '-n', '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${turn.port}`,
      `--min-port=${minPort}`, `--max-port=${minPort + 200}`,
      '--use-auth-secret', `--static-auth-secret=${secret}`, `--realm=${realm}`, '--fingerprint',
      '--no-tls', '--no-dtls', '--no-cli', '--allow-loopback-peers', '--no-software-attribute',
      `--db=${path.join(turn.dir, 'turndb')}`, `--pidfile=${path.join(turn.dir, 'turnserver.pid')}`,
      '--log-file=stdout', '--simple-log', '--verbose',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    const append = (chunk) => { turn.output = (turn.output + chunk).slice(-200_000); };
    turn.process.stdout.on('data', append);
    turn.process.stderr.on('data', append);
    turn.exited = new Promise((resolve) => turn.process.once('exit', resolve));
    await waitFor(() => {
      if (turn.process.exitCode !== null) throw new Error(`turnserver exited early:\n${turn.output}`);
      return new Promise((resolve) => {
        const socket = connect(turn.port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
        socket.on('error', () => resolve(false));
      });
    }, { timeout: 15_000, interval: 100, message: `turnserver on 127.0.0.1:${turn.port}` });
    return turn;
  }

  get url() { return `turn:127.0.0.1:${this.port}?transport=udp`; }

  async dispose() {
    if (this.process.exitCode === null) {
      this.process.kill('SIGKILL');
      await this.exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
