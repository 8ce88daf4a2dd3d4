// kill -9 of the server, 20 times, while a client keeps editing: no edit the server acknowledged is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppServer } from './support/server.mjs';
import { HubPeer, createRoomOverHttp } from './support/hub-peer.mjs';
import { waitFor } from './support/wait.mjs';

const RESTARTS = 20;
let server;

before(async () => { server = await AppServer.start(); });
after(async () => { await server?.dispose(); });

test(`no acknowledged edit is lost across ${RESTARTS} kill -9 restarts during continuous edits`, async () => {
  const roomId = await createRoomOverHttp(server.url);
  const acknowledged = [];
  let sent = 0;
  let stop = false;

  // One writer types tokens continuously; every token whose invocation completed was committed by the server.
  const writer = (async () => {
    let peer = null;
    while (!stop) {
      try {
        if (!peer) {
          peer = new HubPeer(server.url, roomId, 'Writer');
          await peer.connect();
        }
        const token = `<${sent++}>`;
        await peer.edit((text) => text.insert(text.length, token));
        acknowledged.push(token);
      } catch {
        // The server died mid-flight: this token may or may not be stored. Reconnect with a fresh doc so that
        // only what the server itself has survives into the check below.
        await peer?.close().catch(() => {});
        peer = null;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await peer?.close().catch(() => {});
  })();

  try {
    for (let i = 0; i < RESTARTS; i++) {
      const before = acknowledged.length;
      await waitFor(() => acknowledged.length >= before + 5, { timeout: 60_000, message: `edits acknowledged before kill ${i + 1}` });
      await server.restart(); // SIGKILL, then start again on the same port and data
    }
    const before = acknowledged.length;
    await waitFor(() => acknowledged.length >= before + 5, { timeout: 60_000, message: 'edits after the last restart' });
  } finally {
    stop = true;
    await writer;
  }

  const reader = new HubPeer(server.url, roomId, 'Reader');
  await reader.connect();
  const text = reader.text;
  await reader.close();
  const missing = acknowledged.filter((token) => !text.includes(token));
  console.log(`# ${acknowledged.length} acknowledged edits of ${sent} sent across ${RESTARTS} kill -9 restarts; ${missing.length} missing`);
  assert.deepEqual(missing, []);
});
