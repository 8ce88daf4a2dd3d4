// A loopback TCP proxy in front of the app, so a test can cut every live connection (as a network drop would)
// while the server keeps running.
import { createServer, connect } from 'node:net';

export class TcpProxy {
  #server;
  #sockets = new Set();
  #blocked = false;

  static async start(targetPort) {
    const proxy = new TcpProxy();
    proxy.#server = createServer((client) => {
      if (proxy.#blocked) { client.destroy(); return; }
      const upstream = connect(targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        proxy.#sockets.add(socket);
        socket.on('close', () => proxy.#sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${proxy.#server.address().port}`;
    return proxy;
  }

  /** Drops every open connection and refuses new ones until restore(). */
  cut() {
    this.#blocked = true;
    for (const socket of this.#sockets) socket.destroy();
  }

  restore() { this.#blocked = false; }

  async close() {
    this.cut();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}
