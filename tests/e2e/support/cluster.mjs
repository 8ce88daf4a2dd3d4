// Web nodes of one cluster on this machine (three by default), as docs/operations.md describes a deployment: a real
// redis-server (Orleans clustering and the SignalR backplane), a real PostgreSQL (all storage) and ONE data directory
// shared by the nodes (the Data Protection key ring, so antiforgery tokens and cookies of one node are good on the other),
// each node with its own --urls and INTERVIEW_SILO_PORT. Everything is stopped by dispose(), whatever failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppServer, freePort } from './server.mjs';
import { RedisServer } from './redis.mjs';
import { PostgresServer } from './postgres.mjs';

export class LocalCluster {
  constructor() {
    this.redis = null;
    this.postgres = null;
    this.dataDir = null;
    this.nodes = [];
  }

  get a() { return this.nodes[0]; }

  get b() { return this.nodes[1]; }

  get c() { return this.nodes[2]; }

  /** Starts Redis and PostgreSQL, then the nodes one at a time (each once the previous is healthy), so that two hosts
   * do not both make a Data Protection key in the empty shared folder at the same moment. */
  static async start({ env = {}, nodes = 3 } = {}) {
    const cluster = new LocalCluster();
    try {
      [cluster.redis, cluster.postgres] = await Promise.all([RedisServer.start(), PostgresServer.start()]);
      const postgres = await cluster.postgres.createDatabase('interview');
      cluster.dataDir = mkdtempSync(path.join(tmpdir(), 'interview-e2e-cluster-'));
      for (let i = 0; i < nodes; i++) {
        const nodeEnv = {
          ...env,
          INTERVIEW_REDIS: cluster.redis.configuration,
          INTERVIEW_POSTGRES: postgres,
          INTERVIEW_ROLE: 'web',
          INTERVIEW_SILO_PORT: String(await freePort()),
        };
        cluster.nodes.push(await AppServer.start({ env: nodeEnv, dataDir: cluster.dataDir, processGroup: true }));
      }
    } catch (error) {
      await cluster.dispose();
      throw error;
    }
    return cluster;
  }

  /** The last lines every node printed, for failure messages. */
  output(lines = 40) {
    return this.nodes.map((node, i) => `--- node ${'ABCDEFGH'[i]} (${node.url}) ---\n${node.output.split('\n').slice(-lines).join('\n')}`).join('\n');
  }

  async dispose() {
    const results = await Promise.allSettled(this.nodes.map((node) => node.dispose()));
    results.push(...await Promise.allSettled([this.redis?.stop(), this.postgres?.stop()]));
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
