// The tab's identity in a room: display name and a random session key, kept in sessionStorage so a reload or a
// reconnect resumes the same participant (sessionStorage is per tab: two tabs are two participants).
const storageKey = (roomId) => `interview:room:${roomId}`;

export function loadIdentity(roomId) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(roomId)) ?? 'null');
    return saved && typeof saved.name === 'string' && typeof saved.key === 'string' ? saved : null;
  } catch {
    return null;
  }
}

export function saveIdentity(roomId, identity) {
  sessionStorage.setItem(storageKey(roomId), JSON.stringify(identity));
}

export function forgetIdentity(roomId) {
  sessionStorage.removeItem(storageKey(roomId));
}

export function newSessionKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}
