// A real PostgreSQL 15 server from Debian's server binaries (package postgresql): a fresh cluster (initdb) in a
// temporary folder, on a free loopback port with its unix socket in that folder too, fsync off (a test server need
// not survive a power cut). The server refuses to run as root, so when the tests run as root every tool runs as
// the postgres OS user (runuser) and the folder belongs to that user. stop() is `pg_ctl stop -m fast` and deletes
// the folder.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server.mjs';

const run = promisify(execFile);
const binDir = '/usr/lib/postgresql/15/bin';
const osUser = 'postgres';
const asRoot = process.getuid?.() === 0;

/** Runs a server tool (as the postgres user when we are root), from a folder that user may enter. */
async function tool(name, ...args) {
  const [file, argv] = asRoot ? ['runuser', ['-u', osUser, '--', path.join(binDir, name), ...args]] : [path.join(binDir, name), args];
  try {
    return await run(file, argv, { cwd: tmpdir(), timeout: 90_000 });
  } catch (error) {
    throw new Error(`${name} ${args.join(' ')} failed: ${error.stderr || error.stdout || error.message}`);
  }
}

export class PostgresServer {
  constructor(root, port) {
    this.root = root;
    this.port = port;
    this.running = false;
  }

  get dataDir() { return path.join(this.root, 'data'); }

  /** An Npgsql connection string (INTERVIEW_POSTGRES) for a database of this server. */
  connectionString(database) {
    return `Host=127.0.0.1;Port=${this.port};Username=postgres;Database=${database}`;
  }

  static async start() {
    for (const name of ['initdb', 'pg_ctl', 'createdb']) {
      if (!existsSync(path.join(binDir, name))) throw new Error(`PostgreSQL 15 server binaries are missing (${binDir}/${name}): run scripts/setup.sh (Debian package postgresql)`);
    }
    const server = new PostgresServer(mkdtempSync(path.join(tmpdir(), 'interview-e2e-pg-')), await freePort());
    try {
      if (asRoot) await run('chown', [`${osUser}:`, server.root]);
      await tool('initdb', '-D', server.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions');
      const options = `-p ${server.port} -k ${server.root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300`;
      await tool('pg_ctl', 'start', '-D', server.dataDir, '-l', path.join(server.root, 'server.log'), '-w', '-t', '60', '-o', options);
      server.running = true;
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Creates an empty database and returns its connection string. */
  async createDatabase(name) {
    if (!/^[A-Za-z0-9_]{1,63}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
    await tool('createdb', '-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', name);
    return this.connectionString(name);
  }

  async stop() {
    try {
      if (this.running) await tool('pg_ctl', 'stop', '-D', this.dataDir, '-m', 'fast', '-w');
      this.running = false;
    } finally {
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}
