// Shows the page's connection state on the `connection-status` element (data-state = connected | connecting |
// reconnecting | offline). Two links make the page live: the Blazor circuit and the room hub connection; the
// state is `connected` only when both are up.
export class ConnectionStatus {
  #element;
  #hub = 'connecting'; // connecting | connected | reconnecting | closed
  #circuit = 'up'; // up | reconnecting | down (this module is loaded by a live circuit)

  constructor(element) {
    this.#element = element;
    window.addEventListener('online', this.#onlineChanged);
    window.addEventListener('offline', this.#onlineChanged);
    this.#render();
  }

  set hub(state) { this.#hub = state; this.#render(); }
  set circuit(state) { this.#circuit = state; this.#render(); }

  get state() {
    if (this.#circuit === 'down' || this.#hub === 'closed') return 'offline';
    if (this.#hub === 'connected' && this.#circuit === 'up') return 'connected';
    if (!navigator.onLine) return 'offline';
    if (this.#circuit === 'reconnecting' || this.#hub === 'reconnecting') return 'reconnecting';
    return 'connecting';
  }

  #onlineChanged = () => this.#render();

  #render() {
    const state = this.state;
    if (this.#element.dataset.state !== state) this.#element.dataset.state = state;
  }

  dispose() {
    window.removeEventListener('online', this.#onlineChanged);
    window.removeEventListener('offline', this.#onlineChanged);
  }
}
