// Helpers for the call tests: an init script that counts RTCPeerConnections and capture tracks the page creates
// (so a test can prove they are all closed again), and checks on the media data-testids (DESIGN.md §5).
import { waitFor } from './wait.mjs';
import { createRoom, joinRoom, waitConnected } from './room.mjs';

/** Installed with context.addInitScript before the page loads. Test-only global: window.__mediaProbe. */
export function mediaProbe() {
  const pcs = [];
  const tracks = [];
  const Native = window.RTCPeerConnection;
  const states = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      pcs.push(this);
      this.addEventListener('connectionstatechange', () => states.push(this.connectionState));
    }
  };
  const devices = navigator.mediaDevices;
  for (const method of ['getUserMedia', 'getDisplayMedia']) {
    const original = devices[method].bind(devices);
    devices[method] = async (...args) => {
      const stream = await original(...args);
      tracks.push(...stream.getTracks());
      return stream;
    };
  }
  window.__mediaProbe = {
    livePeerConnections: () => pcs.filter((pc) => pc.signalingState !== 'closed').length,
    liveTracks: () => tracks.filter((t) => t.readyState === 'live').length,
    createdPeerConnections: () => pcs.length,
    /** Every connectionState any of the page's peer connections went through, in order. */
    connectionStates: () => [...states],
    /** The page's open peer connections, for tests that read getStats(). */
    peerConnections: () => pcs.filter((pc) => pc.signalingState !== 'closed'),
  };
}

export async function newCallPage(browser) {
  const context = await browser.newContext();
  await context.addInitScript(mediaProbe);
  // The browsers share two cores with the rest of the machine: allow a loaded page a minute to load or take a click.
  context.setDefaultTimeout(60_000);
  return context.newPage();
}

export async function waitMediaReady(page) {
  await page.locator('[data-testid="media-panel"][data-ready="true"][data-participant]').waitFor({ timeout: 20_000 });
  return page.locator('[data-testid="media-panel"]').getAttribute('data-participant');
}

export function remoteVideo(page, peerId) {
  return page.locator(peerId ? `[data-testid="remote-video"][data-peer="${peerId}"]` : '[data-testid="remote-video"]');
}

/** Resolves once the remote video of `peerId` shows frames: videoWidth > 0 and currentTime moving on. */
export async function waitRemoteFrames(page, peerId, { timeout = 20_000 } = {}) {
  const video = remoteVideo(page, peerId);
  await video.waitFor({ state: 'attached', timeout });
  const first = await waitFor(() => video.evaluate((v) => (v.videoWidth > 0 && v.currentTime > 0 ? v.currentTime : 0)),
    { timeout, interval: 25, message: `frames from ${peerId}` });
  await waitFor(() => video.evaluate((v, t) => v.currentTime > t, first), { timeout, message: `currentTime advancing for ${peerId}` });
  return video;
}

export function probe(page) {
  return page.evaluate(() => ({
    livePeerConnections: window.__mediaProbe.livePeerConnections(),
    liveTracks: window.__mediaProbe.liveTracks(),
    createdPeerConnections: window.__mediaProbe.createdPeerConnections(),
  }));
}

export function debugCounts(page) {
  return page.evaluate(async () => (await import('/client/dist/media.js')).debugCounts());
}

/** Ada and Grace in one room, in the call, each seeing the other's frames. */
export async function twoInCall(browser, server) {
  const a = await newCallPage(browser);
  const b = await newCallPage(browser);
  const roomUrl = await createRoom(a, server.url);
  await joinRoom(a, roomUrl, 'Ada');
  const aId = await waitMediaReady(a);
  await b.goto(roomUrl);
  await waitConnected(b);
  await waitFor(() => b.getByTestId('join-room').isEnabled(), { message: 'join enabled' });
  await b.getByTestId('display-name').fill('Grace');
  const joinedAt = Date.now();
  await b.getByTestId('join-room').click();
  const bId = await waitMediaReady(b);
  await waitRemoteFrames(b, aId);
  const firstFrameMs = Date.now() - joinedAt;
  await waitRemoteFrames(a, bId);
  return { a, b, aId, bId, roomUrl, firstFrameMs, close: () => Promise.all([a.context().close(), b.context().close()]) };
}


/** Sums of the page's inbound-rtp stats per kind: { audio: { packets, frames }, video: { packets, frames } }. */
export function inboundStats(page) {
  return page.evaluate(async () => {
    const sums = { audio: { packets: 0, frames: 0 }, video: { packets: 0, frames: 0 } };
    for (const pc of window.__mediaProbe.peerConnections()) {
      for (const s of (await pc.getStats()).values()) {
        if (s.type !== 'inbound-rtp' || !sums[s.kind]) continue;
        sums[s.kind].packets += s.packetsReceived ?? 0;
        sums[s.kind].frames += s.framesDecoded ?? 0;
      }
    }
    return sums;
  });
}

/** The deviceId of this page's local track of `kind` ('audio' | 'video') in the call, or null. */
export function localDeviceId(page, kind) {
  return page.locator('[data-testid="local-video"]').evaluate((v, k) =>
    (k === 'audio' ? v.srcObject?.getAudioTracks() : v.srcObject?.getVideoTracks())?.[0]?.getSettings().deviceId ?? null, kind);
}

/** Local and remote candidate types of every open connection's selected pair, e.g. [{ local: 'relay', remote: 'relay' }]. */
export function selectedCandidatePairs(page) {
  return page.evaluate(async () => {
    const pairs = [];
    for (const pc of window.__mediaProbe.peerConnections()) {
      const report = await pc.getStats();
      for (const transport of [...report.values()].filter((s) => s.type === 'transport' && s.selectedCandidatePairId)) {
        const pair = report.get(transport.selectedCandidatePairId);
        pairs.push({
          state: pair?.state,
          local: report.get(pair?.localCandidateId)?.candidateType,
          remote: report.get(pair?.remoteCandidateId)?.candidateType,
          localAddress: report.get(pair?.localCandidateId)?.address,
        });
      }
    }
    return pairs;
  });
}
