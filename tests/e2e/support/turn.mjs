// A real coturn (Debian package `coturn`, installed by scripts/setup.sh) on loopback for the TURN tests: TURN REST
// credentials (use-auth-secret + static-auth-secret, as docs/operations.md configures it), no TLS, a free port,
// the production deny list with one exception: 127.0.0.1, where both browsers are. Stopped by pid.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './server.mjs';
import { waitFor } from './wait.mjs';

/**
 * The peer addresses a production coturn must never relay to (docs/operations.md lists the same ranges): this
 * network, private, shared (CGNAT), loopback, link-local (cloud metadata at 169.254.169.254), documentation,
 * benchmarking and reserved IPv4; IPv6 loopback, IPv4-mapped, NAT64, discard, Teredo, documentation, 6to4,
 * unique-local and link-local.
 */
export const deniedPeerRanges = [
  '0.0.0.0-0.255.255.255', '10.0.0.0-10.255.255.255', '100.64.0.0-100.127.255.255', '127.0.0.0-127.255.255.255',
  '169.254.0.0-169.254.255.255', '172.16.0.0-172.31.255.255', '192.0.0.0-192.0.0.255', '192.0.2.0-192.0.2.255',
  '192.88.99.0-192.88.99.255', '192.168.0.0-192.168.255.255', '198.18.0.0-198.19.255.255', '198.51.100.0-198.51.100.255',
  '203.0.113.0-203.0.113.255', '240.0.0.0-255.255.255.255',
  '::1', '::ffff:0.0.0.0-::ffff:255.255.255.255', '64:ff9b::-64:ff9b::ffff:ffff', '64:ff9b:1::-64:ff9b:1:ffff:ffff:ffff:ffff:ffff',
  '100::-100::ffff:ffff:ffff:ffff', '2001::-2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff', '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
  '2002::-2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
];

export function turnserverPath() {
  try {
    return execFileSync('sh', ['-c', 'command -v turnserver'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('turnserver not found: run scripts/setup.sh, which installs coturn (apt-get install coturn)');
  }
}

export class TurnServer {
  output = '';

  /** `allowedPeers`: exceptions to the deny list (the browsers' loopback address by default). */
  static async start({ secret, realm = 'interview.test', allowedPeers = ['127.0.0.1'] }) {
    const turn = new TurnServer();
    turn.port = await freePort();
    turn.dir = mkdtempSync(path.join(tmpdir(), 'interview-turn-'));
    // Relay ports: a random window of 200 in the dynamic range; coturn skips any that are taken.
    const minPort = 49152 + Math.floor(Math.random() * 15000);
    turn.process = spawn(turnserverPath(), [
      '-n', '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${turn.port}`,
      `--min-port=${minPort}`, `--max-port=${minPort + 200}`,
      '--use-auth-secret', `--static-auth-secret=${secret}`, `--realm=${realm}`, '--fingerprint',
      '--no-tls', '--no-dtls', '--no-cli', '--allow-loopback-peers', '--no-software-attribute', '--no-multicast-peers',
      ...deniedPeerRanges.map((range) => `--denied-peer-ip=${range}`), ...allowedPeers.map((ip) => `--allowed-peer-ip=${ip}`),
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
