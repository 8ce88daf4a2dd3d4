// The devices and on/off choices made in the pre-join device check (device-check.js), kept in localStorage so the
// call uses them (call.js) and the next visit starts from them. Device ids are per origin and may go stale when a
// device is unplugged: whoever opens one falls back to the default device.
const KEY = 'interview:media:devices';

/** { cameraId, micId, speakerId: string|null, camera, mic: boolean } */
export function loadDevicePrefs() {
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(KEY) ?? 'null'); } catch { /* unreadable: defaults */ }
  const id = (v) => (typeof v === 'string' && v.length > 0 ? v : null);
  return {
    cameraId: id(saved?.cameraId), micId: id(saved?.micId), speakerId: id(saved?.speakerId),
    camera: saved?.camera !== false, mic: saved?.mic !== false,
  };
}

export function saveDevicePrefs(changes) {
  const next = { ...loadDevicePrefs(), ...changes };
  try { localStorage.setItem(KEY, JSON.stringify(next)); } catch { /* storage full or blocked: the choice lasts for this page only */ }
  return next;
}
