// The call's camera track, for the page's other modules: invigilation streams a clone of it to observers instead
// of opening the camera a second time. With code splitting this module is one shared chunk, so every entry point
// sees the same track.
let camera = null;

/** Called by the call when its camera track changes (null when the call stops). */
export function setCallCamera(track) {
  camera = track ?? null;
}

/** The call's live camera track, or null. Clone it: stopping a clone leaves the call's camera running. */
export function callCamera() {
  return camera?.readyState === 'live' ? camera : null;
}
