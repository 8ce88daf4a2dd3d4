// Server memory per idle room: ROOMS rooms each get a document (one peer joins, edits, leaves). We read the
// server's resident memory before, with every document loaded and nobody connected, and after the documents were
// unloaded (Editor:UnloadAfterIdleSeconds = 5 here). RSS includes whatever the GC has not returned yet: a rough figure.
// Usage: node benchmarks/editor/idle-room-memory.mjs [--rooms 200]
import { AppServer } from '../../tests/e2e/support/server.mjs';
import { HubPeer, createRoomOverHttp } from '../../tests/e2e/support/hub-peer.mjs';
import { arg, rssMb, round } from './stats.mjs';
import { pathToFileURL } from 'node:url';

/** Gives a fresh room on `url` a document: one peer joins, edits and leaves. */
export async function touchRoom(url) {
  const roomId = await createRoomOverHttp(url);
  const peer = new HubPeer(url, roomId, 'Writer');
  await peer.connect();
  await peer.edit((text) => text.insert(0, 'def solve(xs):\n    return sorted(xs)\n'));
  await peer.connection.invoke('Leave');
  await peer.close();
}

/**
 * Settings of a node measured here. Workstation GC, which gives freed memory back promptly, so RSS follows what the
 * rooms really hold; no room-creation limit; documents unloaded 5 s after their last client left.
 */
export const idleRoomEnv = { DOTNET_gcServer: '0', INTERVIEW_Rooms__CreationsPerClientPerHour: '100000', INTERVIEW_Editor__UnloadAfterIdleSeconds: '5', INTERVIEW_Rooms__PageHiddenGraceSeconds: '0', INTERVIEW_Rooms__ReconnectGraceSeconds: '0' };

/** RSS in MB of each of `pids` before, with `rooms` documents loaded through `url`, and after they were unloaded. */
export async function measureIdleRooms(url, pids, rooms) {
  const rss = () => Promise.all(pids.map(rssMb));
  // Warm up (JIT, pools) with a few rooms first, so the per-room figure is not start-up cost.
  for (let i = 0; i < 5; i++) await touchRoom(url);
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  const baseline = await rss();
  for (let i = 0; i < rooms; i++) await touchRoom(url);
  const loaded = await rss();
  await new Promise((resolve) => setTimeout(resolve, 15_000));
  const unloaded = await rss();
  return { baseline, loaded, unloaded };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rooms = arg('rooms', 200);
  const server = await AppServer.start({ env: idleRoomEnv });
  try {
    const { baseline: [baseline], loaded: [loaded], unloaded: [unloaded] } = await measureIdleRooms(server.url, [server.process.pid], rooms);
    console.log(JSON.stringify({
      benchmark: 'editor-idle-room-memory', rooms, rssBaselineMb: round(baseline), rssLoadedMb: round(loaded), rssAfterUnloadMb: round(unloaded),
      kbPerIdleRoomLoaded: round(((loaded - baseline) * 1024) / rooms), kbPerIdleRoomUnloaded: round(((unloaded - baseline) * 1024) / rooms),
    }));
  } finally {
    await server.dispose();
  }
}
