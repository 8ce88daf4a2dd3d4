// A non-browser room participant for durability tests and benchmarks: creates rooms over HTTP (with the home
// page's antiforgery token), joins over the room hub (SignalR + MessagePack, as the browser does) and keeps a
// Y.Doc in sync with the room's document using the same y-websocket frames as the browser client.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import * as Y from 'yjs';
import { syncStep1Frame, updateFrame, readFrame } from '../../../wwwroot/src/editor/frames.js';
import { Awareness } from 'y-protocols/awareness';

/** Creates a room the way the home page's form does; returns its id. `postTo` sends the form to another node of
 * the cluster than the one that rendered it (with the same cookies, as a browser would). */
export async function createRoomOverHttp(baseUrl, capacity = 6, { postTo = baseUrl } = {}) {
  const home = await fetch(baseUrl + '/');
  const cookie = home.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const html = await home.text();
  const token = html.match(/name="__RequestVerificationToken"[^>]*value="([^"]+)"/)?.[1];
  if (!token) throw new Error('no antiforgery token on the home page');
  const response = await fetch(postTo + '/rooms', {
    method: 'POST', redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ __RequestVerificationToken: token, title: 'editor', capacity: String(capacity) }),
  });
  const location = response.headers.get('location') ?? '';
  const id = location.match(/\/r\/([a-z0-9]{10})$/)?.[1];
  if (!id) throw new Error(`room creation failed: ${response.status} ${location}`);
  return id;
}

export class HubPeer {
  doc = new Y.Doc();
  awareness = new Awareness(this.doc);
  connection;
  #roomId;
  #name;
  #key = Math.random().toString(36).slice(2).padEnd(20, 'x');

  constructor(baseUrl, roomId, name) {
    this.#roomId = roomId;
    this.#name = name;
    this.connection = new HubConnectionBuilder()
      .withUrl(baseUrl + '/hubs/room')
      .withHubProtocol(new MessagePackHubProtocol())
      .configureLogging(LogLevel.None)
      .build();
    this.connection.on('EditorFrame', (frame) => {
      const answer = readFrame(frame, this.doc, this.awareness, this);
      if (answer) this.connection.invoke('EditorSync', answer).catch(() => {});
    });
  }

  get text() { return this.doc.getText('monaco').toString(); }

  /** Connects (again), joins with the same session key and runs the sync handshake. */
  async connect() {
    await this.connection.start();
    const result = await this.connection.invoke('Join', { RoomId: this.#roomId, DisplayName: this.#name, SessionKey: this.#key });
    if (result.Status !== 'Joined') throw new Error(`join refused: ${result.Status}`);
    const replies = await this.connection.invoke('EditorSync', syncStep1Frame(this.doc));
    for (const reply of replies) {
      const answer = readFrame(reply, this.doc, this.awareness, this);
      if (answer) await this.connection.invoke('EditorSync', answer);
    }
  }

  /** Applies `change` to the local text and sends it; resolves when the server acknowledged (committed) it. */
  async edit(change) {
    let update = null;
    const capture = (u, origin) => { if (origin !== this) update = u; };
    this.doc.on('update', capture);
    try { this.doc.transact(() => change(this.doc.getText('monaco'))); } finally { this.doc.off('update', capture); }
    if (update) await this.connection.invoke('EditorSync', updateFrame(update));
  }

  async close() {
    this.awareness.destroy();
    await this.connection.stop();
  }
}
