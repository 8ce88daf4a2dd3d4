// Room client: loaded by the room page (RoomPage.razor) once its circuit is interactive. It owns the room hub
// connection, joins with the tab's session identity, rejoins by itself after every reconnect, and shows the
// connection state. Room state itself is rendered by Blazor from the server's room actor.
import { createHubConnection, startWithRetry, HubConnectionState } from './room/hub-connection.js';
import { hubErrorText } from './room/hub-errors.js';
import { ConnectionStatus } from './room/connection-status.js';
import { loadIdentity, saveIdentity, forgetIdentity, newSessionKey } from './room/session-identity.js';
import { watchCircuit } from './room/circuit-events.js';
import { setCurrentRoom } from './room/current-room.js';

export { currentRoom } from './room/current-room.js';

/** JoinStatus names, as the server's enum (RoomMessages.cs); SignalR's MessagePack sends enums by name. */
export const JoinStatus = Object.freeze({
  Joined: 'Joined', Full: 'Full', Ended: 'Ended', NotFound: 'NotFound',
  InviteRequired: 'InviteRequired', InviteInvalid: 'InviteInvalid', Waiting: 'Waiting', Removed: 'Removed',
  InviteInUse: 'InviteInUse',
});

/** `invite` is the token from the page's `?invite=` (or null); it is kept with the tab's identity for rejoins. */
export function connect(statusElement, roomId, dotnet, invite) {
  const client = new RoomClient(statusElement, roomId, dotnet, invite);
  setCurrentRoom(client);
  return {
    join: (name) => client.join(name),
    leave: () => client.leave(),
    savedName: () => loadIdentity(roomId)?.name ?? null,
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
    dispose: () => client.dispose(),
  };
}

class RoomClient {
  #roomId;
  #dotnet;
  #status;
  #connection = createHubConnection();
  #abort = new AbortController();
  #started;
  #identity = null;
  #participantId = null;
  #listeners = new Map();
  #stopWatchingCircuit;

  get roomId() { return this.#roomId; }
  get connection() { return this.#connection; }
  /** This tab's participant id while joined, else null. */
  get participantId() { return this.#participantId; }

  /** Subscribes to 'joined' (after every successful join or rejoin, with the participant id) or 'left'. */
  on(event, listener) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event).add(listener);
    return () => this.#listeners.get(event)?.delete(listener);
  }

  #emit(event, value) {
    for (const listener of this.#listeners.get(event) ?? []) {
      try { listener(value); } catch (error) { console.error(error); }
    }
  }

  #invite;

  constructor(statusElement, roomId, dotnet, invite) {
    this.#roomId = roomId;
    this.#invite = invite ?? null;
    this.#dotnet = dotnet;
    this.#status = new ConnectionStatus(statusElement);
    this.#stopWatchingCircuit = watchCircuit((state) => { this.#status.circuit = state; });

    this.#connection.onreconnecting(() => { this.#status.hub = 'reconnecting'; });
    this.#connection.onreconnected(() => this.#rejoin());
    this.#connection.onclose(() => { if (!this.#abort.signal.aborted) this.#restart(); });
    // Room state is rendered by the server; the client only needs to forget its identity when the room ends.
    for (const method of ['ParticipantJoined', 'ParticipantChanged', 'ParticipantLeft', 'ChatPosted']) this.#connection.on(method, () => {});
    this.#connection.on('RoomEnded', () => { forgetIdentity(roomId); this.#setLeft(); });
    // Roles (RoomHub.Roles.cs): admitted from the lobby → join again; removed → forget this tab's identity.
    for (const method of ['LobbyChanged', 'RoomSettingsChanged']) this.#connection.on(method, () => {});
    this.#connection.on('LobbyAdmitted', () => this.#rejoin());
    this.#connection.on('Removed', (notice) => {
      forgetIdentity(roomId);
      this.#setLeft();
      this.#dotnet.invokeMethodAsync('OnRemoved', String(notice?.Reason ?? '')).catch(() => {});
    });
    this.#connection.on('MuteRequested', (request) => this.#emit('mute-requested', request));
    this.#started = this.#start();
    window.addEventListener('pagehide', this.#onPageHide);
  }

  // Closing or reloading the tab: tell the room now, so others see the leave within seconds, not after the
  // reconnect grace period. A reload rejoins before the short unload grace ends.
  #onPageHide = () => {
    if (this.#identity && this.#connection.state === HubConnectionState.Connected) this.#connection.send('PageHidden');
  };

  /** Starts the connection; the badge says `state` meanwhile ('reconnecting' when the page was connected before). */
  async #start(state = 'connecting') {
    this.#status.hub = state;
    const started = await startWithRetry(this.#connection, this.#abort.signal, () => { this.#status.hub = 'reconnecting'; });
    if (started) this.#status.hub = 'connected';
    return started;
  }

  // The automatic reconnect gave up or the server closed the connection: start over, then rejoin.
  async #restart() {
    this.#started = this.#start('reconnecting');
    if (await this.#started) await this.#rejoin();
  }

  async #rejoin() {
    if (!this.#identity) { this.#status.hub = 'connected'; return; }
    try {
      const outcome = await this.#invokeJoin(this.#identity);
      this.#status.hub = 'connected';
      await this.#dotnet.invokeMethodAsync('OnRejoined', outcome);
    } catch (error) {
      this.#status.hub = 'connected';
      await this.#dotnet.invokeMethodAsync('OnRejoined', { status: JoinStatus.NotFound, participantId: null, error: String(error?.message ?? error) });
    }
  }

  async join(name) {
    if (!(await this.#started)) throw new Error('Not connected.');
    const saved = loadIdentity(this.#roomId);
    const identity = { name, key: saved?.key ?? newSessionKey(), invite: this.#invite ?? saved?.invite ?? null };
    try {
      return await this.#invokeJoin(identity);
    } catch (error) {
      return { status: JoinStatus.NotFound, participantId: null, error: hubErrorText(error) };
    }
  }

  async #invokeJoin(identity) {
    const result = await this.#connection.invoke('Join', {
      RoomId: this.#roomId, DisplayName: identity.name, SessionKey: identity.key, Invite: identity.invite ?? null,
    });
    // The page proves who it renders for with the session key (the room looks the participant up by it).
    const outcome = { status: result.Status, participantId: result.ParticipantId ?? null, error: result.Error ?? null, sessionKey: identity.key };
    if (outcome.status === JoinStatus.Waiting) {
      // In the lobby: keep the identity, so the admission (LobbyAdmitted) or a reconnect joins again.
      this.#identity = identity;
      saveIdentity(this.#roomId, identity);
    } else if (outcome.status === JoinStatus.Joined) {
      this.#identity = identity;
      this.#participantId = outcome.participantId;
      saveIdentity(this.#roomId, identity);
      this.#emit('joined', outcome.participantId);
    } else {
      this.#setLeft();
    }
    return outcome;
  }

  #setLeft() {
    this.#identity = null;
    if (this.#participantId !== null) {
      this.#participantId = null;
      this.#emit('left');
    }
  }

  async leave() {
    this.#setLeft();
    forgetIdentity(this.#roomId);
    if (this.#connection.state === HubConnectionState.Connected) await this.#connection.invoke('Leave');
  }

  async dispose() {
    setCurrentRoom(null);
    this.#setLeft();
    window.removeEventListener('pagehide', this.#onPageHide);
    this.#abort.abort();
    this.#stopWatchingCircuit();
    this.#status.dispose();
    await this.#connection.stop();
  }
}
