// The call: this tab's media, one PeerLink per other participant in the call, and the hub signaling between them.
// start() enters the call (again after every reconnect: links are rebuilt, since the other side may have lost
// them too), stop() leaves it and releases every track, connection, timer and hub handler it set up.
import { Signaling } from './signaling.js';
import { PeerLink } from './peer-link.js';
import { LocalMedia } from './local-media.js';
import { ScreenShare } from './screen-share.js';
import { AudioLevels } from './audio-levels.js';
import { Emitter } from './emitter.js';
import { loadDevicePrefs, saveDevicePrefs } from './device-prefs.js';
import { setCallCamera } from './shared-camera.js';

export class Call extends Emitter {
  /** { mic, camera, screen, recording } as published to the room. */
  state = { mic: true, camera: true, screen: false, recording: false };
  /** peer id → { id, name, state } of everyone else in the call. */
  peers = new Map();
  /** peer id → PeerLink. */
  links = new Map();
  maxFileBytes = 0;
  relayMaxFileBytes = 0;
  local = null;

  #room;
  #tiles;
  #signaling = null;
  #screen = null;
  #levels;
  #iceServers = [];
  #iceTransportPolicy = 'all';
  #generation = 0;
  #selfAtStart = null;
  #opening = null;

  /** @param room the page's room client (current-room.js) @param tiles the Tiles view */
  constructor(room, tiles) {
    super();
    this.#room = room;
    this.#tiles = tiles;
    // The pre-join device check's choices (device-check.js): on/off states and devices.
    const prefs = loadDevicePrefs();
    this.state.mic = prefs.mic;
    this.state.camera = prefs.camera;
    tiles.setSpeaker(prefs.speakerId);
    this.#levels = new AudioLevels((key, speaking) => tiles.setSpeaking(key, speaking));
  }

  get selfId() { return this.#room.participantId; }
  /** The room's hub connection (the file relay uses it too). */
  get connection() { return this.#room.connection; }
  get active() { return this.#signaling !== null; }
  get sharing() { return this.#screen?.track != null; }
  get screenTrack() { return this.#screen?.track ?? null; }

  async start() {
    const generation = ++this.#generation;
    // Back after the hub connection dropped: peer connections that still work are kept (media does not need the hub).
    const resume = this.active && this.#selfAtStart === this.selfId;
    this.#selfAtStart = this.selfId;
    if (!resume) this.#teardownLinks();
    this.#signaling?.dispose();
    this.#signaling = new Signaling(this.#room.connection, {
      signal: (from, message) => this.#onSignal(from, message),
      peerJoined: (peer) => this.#onPeerJoined(peer),
      peerLeft: (id) => this.#removePeer(id),
      stateChanged: (peer) => this.#onPeerState(peer),
    });
    // The devices open while the server answers; links are made once both are there.
    const opening = this.#opening ??= this.#openLocal();
    const welcome = await this.#signaling.join(this.state, { resume });
    await opening;
    if (generation !== this.#generation) return;
    this.#iceServers = welcome.iceServers;
    this.#iceTransportPolicy = welcome.iceTransportPolicy;
    this.#tiles.selfRole = welcome.selfRole;
    // Observers enter the call muted (the server publishes them so): they look in unseen until they unmute.
    if (welcome.selfRole === 'observer' && !resume && this.state.mic) this.setMic(false);
    this.maxFileBytes = welcome.maxFileBytes;
    this.relayMaxFileBytes = welcome.relayMaxFileBytes;
    const present = new Set(welcome.peers.map((p) => p.id));
    for (const id of [...this.peers.keys()]) if (!present.has(id)) this.#removePeer(id);
    for (const peer of welcome.peers) {
      this.#rememberPeer(peer);
      if (!(resume && this.#healthy(peer.id))) this.#link(peer.id, { initiator: true });
    }
    window.addEventListener('pagehide', this.#onPageHide, { capture: true });
    this.emit('started');
  }

  async #openLocal() {
    this.local = new LocalMedia();
    this.local.mic = this.state.mic;
    this.local.camera = this.state.camera;
    // A device that is off is not opened at all (no camera light, nothing sent); switching it on opens it.
    const prefs = loadDevicePrefs();
    await this.local.open({ audio: this.state.mic, video: this.state.camera, audioDeviceId: prefs.micId, videoDeviceId: prefs.cameraId });
    setCallCamera(this.local.videoTrack);
    this.#tiles.setLocalStream(this.local.stream);
    this.#levels.watch('self', this.local.audioTrack);
  }

  async stop({ leaveHub = true } = {}) {
    ++this.#generation;
    this.#selfAtStart = null;
    window.removeEventListener('pagehide', this.#onPageHide, { capture: true });
    this.#teardownLinks();
    for (const id of [...this.peers.keys()]) this.#removePeer(id);
    if (this.#signaling) {
      const signaling = this.#signaling;
      this.#signaling = null;
      signaling.dispose();
      if (leaveHub) await signaling.leave();
    }
    this.#screen?.dispose();
    this.#screen = null;
    this.state.screen = false;
    this.#levels.dispose();
    setCallCamera(null);
    this.local?.dispose();
    this.local = null;
    this.#opening = null;
    this.#tiles.setLocalStream(null);
    this.emit('stopped');
  }

  // Closing the tab: leave the call before room.js says PageHidden (capture listeners on window run first).
  #onPageHide = () => {
    if (this.#room.connection.state === 'Connected') this.#room.connection.send('LeaveMedia').catch(() => {});
    this.#teardownLinks();
  };

  setMic(on) { this.state.mic = on; this.local?.setMic(on); this.#publish(); if (on) return this.#acquire('audio'); }
  setCamera(on) { this.state.camera = on; this.local?.setCamera(on); this.#publish(); if (on) return this.#acquire('video'); }

  // Switched on after joining without that device: open it and send it on every link (the transceiver is there).
  async #acquire(kind) {
    const track = await this.local?.acquire(kind);
    if (!track) return;
    if (kind === 'audio') this.#levels.watch('self', track);
    if (kind === 'video' && this.sharing) return;
    await Promise.all([...this.links.values()].map((link) => link.replaceTrack(kind, track)));
    this.#tiles.setLocalStream(this.local.stream);
  }
  setRecording(on) { this.state.recording = on; this.#publish(); }

  #publish() {
    this.#tiles.setLocalState(this.state);
    this.#signaling?.setState(this.state);
    this.emit('state', this.state);
  }

  /** Shares the screen in place of the camera (replaceTrack: no renegotiation). */
  async startScreenShare() {
    if (this.sharing) return;
    this.#screen = new ScreenShare(() => this.#revertToCamera());
    const track = await this.#screen.start();
    await Promise.all([...this.links.values()].map((link) => link.replaceTrack('video', track)));
    this.#tiles.setLocalStream(new MediaStream([track]));
    this.state.screen = true;
    this.#publish();
  }

  async stopScreenShare() {
    if (!this.#screen) return;
    this.#screen.dispose();
    await this.#revertToCamera();
  }

  async #revertToCamera() {
    this.#screen = null;
    const camera = this.local?.videoTrack ?? null;
    await Promise.all([...this.links.values()].map((link) => link.replaceTrack('video', camera)));
    this.#tiles.setLocalStream(this.local?.stream ?? null);
    this.state.screen = false;
    this.#publish();
  }

  /** Hot-switches a device ('audio' | 'video') for everyone without renegotiating. */
  async switchDevice(kind, deviceId) {
    const track = await this.local?.switchDevice(kind, deviceId);
    if (!track) return;
    saveDevicePrefs(kind === 'audio' ? { micId: deviceId } : { cameraId: deviceId });
    if (kind === 'audio') this.#levels.watch('self', track);
    else setCallCamera(track);
    if (kind === 'video' && this.sharing) return; // the camera comes back when sharing ends
    await Promise.all([...this.links.values()].map((link) => link.replaceTrack(kind, track)));
    this.#tiles.setLocalStream(this.local.stream);
  }

  /** Drops the connection to `peerId` and makes a fresh one (the Retry button of a failed tile). */
  retry(peerId) {
    this.links.get(peerId)?.dispose({ bye: true });
    this.links.delete(peerId);
    this.#link(peerId, { initiator: true });
  }

  #onPeerJoined(peer) {
    if (peer.id === this.selfId) return;
    this.#rememberPeer(peer);
    // They (re)joined the call and will offer: whatever we had with them is stale, unless they only lost the hub.
    if (peer.resumed && this.#healthy(peer.id)) return;
    this.#link(peer.id, { initiator: false });
  }

  #healthy(peerId) {
    const state = this.links.get(peerId)?.state;
    return state === 'connected' || state === 'connecting';
  }

  #onPeerState(peer) {
    if (peer.id === this.selfId || !this.peers.has(peer.id)) return;
    this.#rememberPeer(peer);
  }

  #onSignal(from, message) {
    if (message.bye) {
      this.#unlink(from);
      return;
    }
    let link = this.links.get(from);
    if (!link) {
      if (message.description?.type !== 'offer') return;
      link = this.#link(from, { initiator: false });
    }
    link.receive(message);
  }

  #rememberPeer(peer) {
    this.peers.set(peer.id, peer);
    this.#tiles.add(peer.id, peer.name, (id) => this.retry(id));
    this.#tiles.setName(peer.id, peer.name);
    this.#tiles.setPeerState(peer.id, peer.state, peer.role);
    this.emit('peers', [...this.peers.values()]);
  }

  #link(peerId, { initiator }) {
    this.#unlink(peerId);
    if (!this.peers.has(peerId)) this.#rememberPeer({ id: peerId, name: 'Guest', state: { mic: true, camera: true, screen: false, recording: false } });
    const tracks = [];
    if (this.local?.audioTrack) tracks.push([this.local.audioTrack, this.local.stream]);
    const video = this.#screen?.track ?? this.local?.videoTrack;
    if (video) tracks.push([video, this.local.stream]);
    const signaling = this.#signaling;
    const link = new PeerLink({
      peerId, initiator, tracks, stream: this.local?.stream ?? null,
      iceTransportPolicy: this.#iceTransportPolicy,
      polite: this.selfId < peerId,
      iceServers: this.#iceServers,
      send: (message) => signaling?.send(peerId, message),
      events: {
        state: (state) => { this.#tiles.setConnection(peerId, state); this.emit('link-state', peerId, state); },
        track: () => {
          this.#tiles.setStream(peerId, link.remoteStream, link.pc);
          const audio = link.remoteStream.getAudioTracks()[0];
          if (audio) this.#levels.watch(peerId, audio);
        },
        error: (error) => console.warn(`peer ${peerId}:`, error),
      },
    });
    this.links.set(peerId, link);
    this.#tiles.setConnection(peerId, 'connecting');
    this.emit('link', link);
    return link;
  }

  #unlink(peerId) {
    const link = this.links.get(peerId);
    if (!link) return;
    this.links.delete(peerId);
    this.#levels.unwatch(peerId);
    this.emit('unlink', peerId);
    link.dispose();
  }

  #teardownLinks() {
    for (const id of [...this.links.keys()]) this.#unlink(id);
  }

  #removePeer(id) {
    this.#unlink(id);
    this.peers.delete(id);
    this.#tiles.remove(id);
    this.emit('peers', [...this.peers.values()]);
  }

  async dispose() {
    await this.stop();
    this.clear();
  }
}
