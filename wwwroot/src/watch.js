// Entry point of watch-together (esbuild entry "watch"), mounted by the WatchPanel component into its player host.
// It waits for the page's room client and runs a WatchSession on its hub connection until dispose(). Nothing is
// put on window (the YouTube IFrame API defines its own globals); tests and the benchmark use the exports below.
import { currentRoom } from './room/current-room.js';
import { WatchSession } from './watch/watch-session.js';

let mounted = null;

export function mount(host, options) {
  let session = null;
  let disposed = false;
  currentRoom().then((room) => {
    if (disposed) return;
    session = new WatchSession(room, options ?? {});
    mounted = session;
    host.replaceChildren(session.element);
    host.dataset.ready = 'true';
  });
  return {
    dispose() {
      disposed = true;
      if (mounted === session) mounted = null;
      session?.dispose();
      delete host.dataset.ready;
    },
  };
}

/** Turns drift correction off or on (the benchmark's baseline plays with events only). */
export function setSyncEnabled(enabled) {
  if (mounted) mounted.syncEnabled = enabled;
}

/** The sync loop's view of things, for tests: clock offset and best round trip, corrections made so far. */
export function debugState() {
  if (!mounted) return null;
  return { offsetMs: mounted.clock.offset, bestRoundTripMs: mounted.clock.bestRoundTrip, serverNowMs: mounted.clock.now(), ...mounted.corrections };
}
