// A stock Yjs client (y-websocket's WebsocketProvider) on /yjs/{roomId} edits the same document as peers on the
// room hub; everyone converges. Also: the endpoint refuses unknown rooms.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { AppServer } from './support/server.mjs';
import { HubPeer, createRoomOverHttp } from './support/hub-peer.mjs';
import { waitFor } from './support/wait.mjs';

let server;

before(async () => { server = await AppServer.start(); });
after(async () => { await server?.dispose(); });

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function randomEdit(text, next) {
  const length = text.length;
  if (length > 20 && next() < 0.3) text.delete(Math.floor(next() * (length - 3)), 1 + Math.floor(next() * 3));
  else text.insert(Math.floor(next() * (length + 1)), String.fromCharCode(97 + Math.floor(next() * 26)));
}

test('a y-websocket client and two hub peers converge on random concurrent edits', async () => {
  const roomId = await createRoomOverHttp(server.url);
  const hubPeers = [new HubPeer(server.url, roomId, 'Ada'), new HubPeer(server.url, roomId, 'Grace')];
  await Promise.all(hubPeers.map((p) => p.connect()));

  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url.replace('http', 'ws') + '/yjs', roomId, doc, { WebSocketPolyfill: WebSocket });
  try {
    await waitFor(() => provider.synced, { timeout: 15_000, message: 'y-websocket provider synced' });
    const ytext = doc.getText('monaco');
    assert.equal(ytext.toString(), hubPeers[0].text, 'the stock client gets the full text on connect');
    assert.equal(doc.getMap('meta').get('language'), 'python');

    const rounds = 60;
    const yjsTyping = (async () => {
      const next = random(7);
      for (let i = 0; i < rounds; i++) {
        doc.transact(() => randomEdit(ytext, next));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const hubTyping = hubPeers.map(async (peer, n) => {
      const next = random(100 + n);
      for (let i = 0; i < rounds; i++) await peer.edit((text) => randomEdit(text, next));
    });
    await Promise.all([yjsTyping, ...hubTyping]);

    await waitFor(() => hubPeers.every((p) => p.text === ytext.toString()), { timeout: 30_000, message: 'all three peers converge' });
    const late = new HubPeer(server.url, roomId, 'Linus');
    await late.connect();
    assert.equal(late.text, ytext.toString(), 'the server has what everyone has');
    await late.close();
  } finally {
    provider.destroy();
    provider.awareness.destroy(); // the provider leaves its awareness timer running
    doc.destroy();
    await Promise.all(hubPeers.map((p) => p.close()));
  }
});

test('/yjs refuses rooms that do not exist', async () => {
  const status = await new Promise((resolve) => {
    const socket = new WebSocket(server.url.replace('http', 'ws') + '/yjs/zzzzzzzzzz');
    socket.on('unexpected-response', (req, res) => { resolve(res.statusCode); req.destroy(); });
    socket.on('open', () => { socket.close(); resolve('open'); });
    socket.on('error', () => {});
  });
  assert.equal(status, 404);
});
