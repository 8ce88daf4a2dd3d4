// y-websocket frames (docs/protocol.md): the outer message type, then a sync message or an awareness update.
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

export const MessageType = Object.freeze({ Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 });

/** syncStep1(sv) framed: varUint(0) • varUint(0) • varUint8Array(stateVector). */
export function syncStep1Frame(doc) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** update framed: varUint(0) • varUint(2) • varUint8Array(update). */
export function updateFrame(update) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** awareness framed: varUint(1) • varUint8Array(awarenessUpdate). */
export function awarenessFrame(awareness, clients) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/**
 * Applies a frame from the server to the doc and awareness with `origin`; returns the frame to answer with (a sync
 * step 2 when the server sent its step 1), or null.
 */
export function readFrame(frame, doc, awareness, origin) {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.Sync) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, origin);
    return syncType === syncProtocol.messageYjsSyncStep1 ? encoding.toUint8Array(encoder) : null;
  }
  if (type === MessageType.Awareness) {
    awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), origin);
  }
  return null;
}
