// The editor's hub provider without a browser: when a broadcast never arrives (Redis pub/sub between servers drops
// messages when it is lost), the next update cannot be applied; the provider notices and re-syncs by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { HubProvider } from '../../wwwroot/src/editor/hub-provider.js';
import { updateFrame, MessageType } from '../../wwwroot/src/editor/frames.js';
import { waitFor } from './support/wait.mjs';

/** A room hub connection answering EditorSync from a real Y.Doc, as the server does (step 1 → step 2, update → applied;
 * cursors are taken and not echoed). */
function fakeRoom(serverDoc) {
  const handlers = new Map();
  const calls = [];
  const connection = {
    state: 'Connected',
    on: (name, handler) => handlers.set(name, handler),
    off: (name) => handlers.delete(name),
    onreconnecting: () => {},
    onclose: () => {},
    invoke: async (method, frame) => {
      assert.equal(method, 'EditorSync');
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) === MessageType.Awareness) return [];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      const kind = syncProtocol.readSyncMessage(decoder, encoder, serverDoc, 'client');
      calls.push(kind);
      return kind === syncProtocol.messageYjsSyncStep1 ? [encoding.toUint8Array(encoder)] : [];
    },
  };
  return {
    connection,
    participantId: 'p1',
    on: () => () => {},
    deliver: (frame) => handlers.get('EditorFrame')(frame),
    handshakes: () => calls.filter((kind) => kind === syncProtocol.messageYjsSyncStep1).length,
  };
}

/** A provider on a fresh document, in sync with `serverDoc` through a fake room; `body` gets both, and the provider
 * is destroyed after it, whatever happened. */
async function withProvider(body) {
  const serverDoc = new Y.Doc();
  const room = fakeRoom(serverDoc);
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new HubProvider(room, doc, awareness);
  try {
    await waitFor(() => provider.synced, { timeout: 5_000, message: 'first handshake' });
    assert.equal(room.handshakes(), 1);
    await body({ serverDoc, room, doc });
  } finally {
    provider.destroy();
    awareness.destroy(); // its outdated-state check is an interval timer that would keep the process alive
  }
}

test('an update whose predecessor was lost in transit makes the provider re-sync and show both', () => withProvider(async ({ serverDoc, room, doc }) => {
  // Someone on another server types twice; the first broadcast is lost, the second arrives.
  const writer = new Y.Doc();
  const updates = [];
  writer.on('update', (update) => { updates.push(update); Y.applyUpdate(serverDoc, update, 'other'); });
  writer.getText('monaco').insert(0, 'hello');
  writer.getText('monaco').insert(5, ' world');
  assert.equal(updates.length, 2);
  room.deliver(updateFrame(updates[1]));
  assert.equal(doc.getText('monaco').toString(), '', 'the second update waits for the first');

  await waitFor(() => doc.getText('monaco').toString() === 'hello world', { timeout: 10_000, message: 'the text after the re-sync' });
  assert.equal(room.handshakes(), 2, 'one more handshake fetched what was missing');
  assert.equal(doc.store.pendingStructs, null);
}));

test('updates that arrive in order need no extra handshake', () => withProvider(async ({ serverDoc, room, doc }) => {
  const writer = new Y.Doc();
  writer.on('update', (update) => { Y.applyUpdate(serverDoc, update, 'other'); room.deliver(updateFrame(update)); });
  writer.getText('monaco').insert(0, 'a');
  writer.getText('monaco').insert(1, 'b');
  assert.equal(doc.getText('monaco').toString(), 'ab');
  assert.equal(doc.store.pendingStructs, null, 'nothing waits, so no re-sync is scheduled');
  assert.equal(room.handshakes(), 1);
}));

test('a lost last update, with nothing after it to show a gap, arrives through the check once the others are quiet', () => withProvider(async ({ serverDoc, room, doc }) => {
  // Someone types, then deletes a word; the insert arrives, the deletion's broadcast is lost.
  const writer = new Y.Doc();
  const updates = [];
  writer.on('update', (update) => { updates.push(update); Y.applyUpdate(serverDoc, update, 'other'); });
  writer.getText('monaco').insert(0, 'keep drop');
  writer.getText('monaco').delete(4, 5);
  room.deliver(updateFrame(updates[0]));
  assert.equal(doc.getText('monaco').toString(), 'keep drop');
  assert.equal(doc.store.pendingStructs, null, 'nothing is held back: there is no gap to see');

  await waitFor(() => doc.getText('monaco').toString() === 'keep', { timeout: 10_000, message: 'the lost deletion after the quiet check' });
  assert.equal(room.handshakes(), 2, 'one state-vector exchange fetched it');
}));
