// Keeps a Y.Doc and its awareness in sync with the room's document over the room hub (SignalR, MessagePack, frames
// as byte arrays). Local changes leave one invocation at a time: while one is in flight the next ones are merged,
// so a fast typist sends fewer, larger updates instead of queueing. An invocation completing is the server's
// acknowledgement that the update is committed. After every (re)join the provider runs the sync handshake again,
// which also delivers edits made while offline.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { HubConnectionState } from '@microsoft/signalr';
import { serverRefusal } from '../room/hub-errors.js';
import { syncStep1Frame, updateFrame, awarenessFrame, readFrame } from './frames.js';

/** Frames above this go in parts (EditorSyncPart…, then EditorSync): the hub accepts 64 KiB messages. */
export const PART_BYTES = 48 * 1024;

/** How long an update that depends on one we never received may wait for it before the provider re-syncs. */
export const GAP_RESYNC_MS = 1_000;

/** How long after the last frame from the others the provider checks, once, that it has everything the server has:
 * a broadcast lost in transit with nothing after it (the last edit of a burst, a deletion) leaves no gap to notice. */
export const QUIET_CHECK_MS = 3_000;

export class HubProvider {
  #room;
  #doc;
  #awareness;
  #pendingUpdates = [];
  #awarenessDirty = false;
  #pumping = null;
  #synced = false;
  #destroyed = false;
  #offJoined;
  #idleWaiters = [];
  #onStatus;
  #onRejected;
  #gapTimer = null;
  #gapResyncs = 0;
  #quietTimer = null;
  #checkDue = false;

  /**
   * @param room the page's room client (current-room.js)
   * @param onStatus called with 'syncing' | 'synced' | 'offline'
   * @param onRejected called with the server's message when it refused one of our updates
   */
  constructor(room, doc, awareness, { onStatus = () => {}, onRejected = () => {} } = {}) {
    this.#room = room;
    this.#doc = doc;
    this.#awareness = awareness;
    this.#onStatus = onStatus;
    this.#onRejected = onRejected;
    room.connection.on('EditorFrame', this.#onFrame);
    doc.on('update', this.#onDocUpdate);
    awareness.on('update', this.#onAwarenessUpdate);
    this.#offJoined = room.on('joined', () => this.#resync());
    // SignalR keeps these callbacks for the connection's life (there is no off): they check #destroyed.
    room.connection.onreconnecting(() => this.#connectionLost());
    room.connection.onclose(() => this.#connectionLost());
    if (room.participantId) this.#resync();
    else onStatus('offline');
  }

  get synced() { return this.#synced; }

  /** Resolves once every local change so far has been acknowledged (or the connection dropped). */
  flush() {
    if (!this.#pumping && this.#pendingUpdates.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #onFrame = (frame) => {
    if (this.#destroyed) return;
    const answer = readFrame(frame, this.#doc, this.#awareness, this);
    if (answer) this.#invoke(answer).catch(() => {});
    this.#checkGap();
    this.#checkWhenQuiet();
  };

  // Once the others have been quiet for a moment, one state-vector exchange fetches anything of theirs that never
  // arrived (usually nothing: the answer is empty). Idle rooms cost nothing: only frames from others arm it.
  #checkWhenQuiet() {
    clearTimeout(this.#quietTimer);
    this.#quietTimer = setTimeout(() => {
      this.#quietTimer = null;
      this.#checkDue = true;
      this.#pump();
    }, QUIET_CHECK_MS);
  }

  // An update that Yjs holds back (its dependencies are missing) means a broadcast never reached us: between
  // servers, Redis pub/sub drops messages when it is lost. If the missing part has not arrived shortly after, the
  // handshake fetches everything we lack by our state vector. Should the server itself lack it, the checks back off
  // (1 s, 2 s, 4 s … up to a minute) rather than asking every second.
  #checkGap() {
    if (this.#gapTimer !== null) return;
    if (!this.#hasGap()) {
      this.#gapResyncs = 0;
      return;
    }
    this.#gapTimer = setTimeout(() => {
      this.#gapTimer = null;
      if (!this.#hasGap() || !this.#synced || !this.#connected()) return;
      this.#gapResyncs++;
      this.#resync();
    }, Math.min(GAP_RESYNC_MS * 2 ** this.#gapResyncs, 60_000));
  }

  #hasGap() {
    const store = this.#doc.store;
    return store.pendingStructs !== null || store.pendingDs !== null;
  }

  #onDocUpdate = (update, origin) => {
    if (origin === this) return;
    this.#pendingUpdates.push(update);
    this.#pump();
  };

  #onAwarenessUpdate = ({ added, updated, removed }, origin) => {
    if (origin === this) return;
    const mine = [...added, ...updated, ...removed].includes(this.#doc.clientID);
    if (!mine) return;
    this.#awarenessDirty = true;
    this.#pump();
  };

  #connected() {
    return !this.#destroyed && this.#room.participantId && this.#room.connection.state === HubConnectionState.Connected;
  }

  async #resync() {
    if (this.#destroyed) return;
    this.#synced = false;
    this.#onStatus('syncing');
    // Everything local is covered by the step 2 answered below, so queued updates need not go separately.
    this.#pendingUpdates = [];
    try {
      const replies = await this.#invoke(syncStep1Frame(this.#doc));
      const answers = replies.map((frame) => readFrame(frame, this.#doc, this.#awareness, this)).filter(Boolean);
      for (const answer of answers) await this.#invoke(answer);
      this.#synced = true;
      this.#awarenessDirty = this.#awareness.getLocalState() !== null;
      this.#onStatus('synced');
      this.#pump();
      this.#checkGap();
    } catch (error) {
      this.#handleError(error);
    }
  }

  #pump() {
    if (this.#pumping || !this.#synced) return;
    this.#pumping = this.#drain().finally(() => {
      this.#pumping = null;
      if (this.#pendingUpdates.length === 0) this.#notifyIdle();
      if (this.#synced && (this.#pendingUpdates.length > 0 || this.#checkDue)) this.#pump();
    });
  }

  async #drain() {
    while (this.#connected() && this.#synced && (this.#pendingUpdates.length > 0 || this.#awarenessDirty || this.#checkDue)) {
      if (this.#checkDue) {
        // In the same queue as our own updates, so it never lands between the parts of a large one.
        this.#checkDue = false;
        try {
          const replies = await this.#invoke(syncStep1Frame(this.#doc));
          for (const answer of replies.map((frame) => readFrame(frame, this.#doc, this.#awareness, this)).filter(Boolean)) {
            await this.#invoke(answer);
          }
        } catch (error) {
          this.#handleError(error);
          return;
        }
        continue;
      }
      const updates = this.#pendingUpdates.splice(0);
      const sendAwareness = this.#awarenessDirty;
      this.#awarenessDirty = false;
      const frames = [];
      if (updates.length > 0) frames.push(updateFrame(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)));
      if (sendAwareness) frames.push(awarenessFrame(this.#awareness, [this.#doc.clientID]));
      try {
        await this.#invokeInOrder(frames);
      } catch (error) {
        this.#handleError(error);
        return;
      }
    }
    if (!this.#connected()) {
      this.#pendingUpdates = []; // the next join's handshake sends them
      this.#checkDue = false; // and fetches what we lack
    }
  }

  #connectionLost() {
    if (this.#destroyed) return;
    this.#synced = false;
    this.#onStatus('offline');
  }

  #handleError(error) {
    if (this.#destroyed) return;
    const message = serverRefusal(error);
    if (message !== null) {
      this.#onRejected(message);
      return;
    }
    // The connection dropped: the room client rejoins and 'joined' starts the handshake again.
    this.#synced = false;
    this.#pendingUpdates = [];
    this.#onStatus('offline');
    this.#notifyIdle();
  }

  #notifyIdle() {
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  // Sends frames in order. Single-part frames go out at once, without waiting for each other's answer: the server
  // handles one invocation of a connection at a time, in order, so the cursor that goes with an edit is not held
  // back by the edit's commit, and the others receive both together (one render instead of two).
  async #invokeInOrder(frames) {
    if (frames.some((frame) => frame.length > PART_BYTES)) {
      for (const frame of frames) await this.#invoke(frame);
      return;
    }
    const results = await Promise.allSettled(frames.map((frame) => this.#invoke(frame)));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async #invoke(frame) {
    const connection = this.#room.connection;
    let offset = 0;
    while (frame.length - offset > PART_BYTES) {
      await connection.invoke('EditorSyncPart', frame.subarray(offset, offset + PART_BYTES));
      offset += PART_BYTES;
    }
    return (await connection.invoke('EditorSync', offset === 0 ? frame : frame.subarray(offset))) ?? [];
  }

  destroy() {
    if (this.#destroyed) return;
    // Tells the others to drop our cursor now (the update handler sends it); the server also does on disconnect.
    if (this.#connected() && this.#synced) awarenessProtocol.removeAwarenessStates(this.#awareness, [this.#doc.clientID], 'local');
    this.#destroyed = true;
    clearTimeout(this.#gapTimer);
    clearTimeout(this.#quietTimer);
    this.#room.connection.off('EditorFrame', this.#onFrame);
    this.#doc.off('update', this.#onDocUpdate);
    this.#awareness.off('update', this.#onAwarenessUpdate);
    this.#offJoined();
    this.#notifyIdle();
  }
}
