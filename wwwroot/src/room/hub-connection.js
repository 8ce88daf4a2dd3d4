// The room hub connection: SignalR over WebSockets with the MessagePack protocol, reconnecting forever with
// capped exponential back-off and jitter (0.5 s, 1 s, 2 s, 4 s, 8 s, then every ~10 s).
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';

export const HUB_PATH = '/hubs/room';

export function backoffDelay(attempt) {
  const base = Math.min(500 * 2 ** attempt, 10_000);
  return base / 2 + Math.random() * (base / 2);
}

export function createHubConnection() {
  return new HubConnectionBuilder()
    .withUrl(HUB_PATH)
    .withHubProtocol(new MessagePackHubProtocol())
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => backoffDelay(ctx.previousRetryCount) })
    .withServerTimeout(15_000)
    .withKeepAliveInterval(5_000)
    .configureLogging(LogLevel.Warning)
    .build();
}

/** Starts the connection, retrying with back-off until it is up or `signal` aborts. */
export async function startWithRetry(connection, signal, onAttemptFailed) {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      await connection.start();
      return true;
    } catch (error) {
      onAttemptFailed?.(error);
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt)));
    }
  }
  return false;
}

export { HubConnectionState };
