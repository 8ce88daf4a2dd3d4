// The room client of this page, for feature modules (media, editor, watch…) that share its hub connection.
// They are separate esbuild entry points; with code splitting this module is one shared chunk, so they all see
// the same client.
let current = null;
const waiters = new Set();

export function setCurrentRoom(client) {
  current = client;
  if (client) for (const resolve of waiters) resolve(client);
  if (client) waiters.clear();
}

/** The page's room client once it exists: { roomId, connection, participantId, on(event, fn) → off }. */
export function currentRoom() {
  return current ? Promise.resolve(current) : new Promise((resolve) => waiters.add(resolve));
}
