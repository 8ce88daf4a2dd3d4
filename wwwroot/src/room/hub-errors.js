// Reading the errors of hub invocations: a refusal carries the server's own message after SignalR's prefix.
const REFUSAL_MARKER = 'HubException: ';

/**
 * The server's own message when it refused an invocation (a HubException), or null when the connection failed instead.
 * "An unexpected error occurred invoking 'Join' on the server. HubException: Enter a display name." → the last part.
 */
export function serverRefusal(error) {
  const text = String(error?.message ?? error);
  const at = text.lastIndexOf(REFUSAL_MARKER);
  return at >= 0 ? text.slice(at + REFUSAL_MARKER.length) : null;
}

/** What to show for a failed invocation: the server's message when it gave one, else the error itself. */
export function hubErrorText(error) {
  return serverRefusal(error) ?? String(error?.message ?? error);
}
