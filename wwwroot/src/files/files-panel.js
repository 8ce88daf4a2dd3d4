// The files panel: pick files (file-input) and a recipient (everyone or one peer), and a list of transfers
// (file-transfer items, data-state sending|receiving|done|failed, data-sha256 on arrival) with progress, cancel
// and download. One FileChannel per peer connection of the call; object URLs are revoked on dispose().
import { h, formatBytes } from '../media/dom.js';
import { FileChannel, formatLimit } from './file-channel.js';
import { RelayChannel, RELAY_FRAME_BYTES } from './relay-channel.js';

export class FilesPanel {
  element;
  #call;
  #channels = new Map();
  /** peer id → { relay: RelayChannel, files: FileChannel } through the server, made on first use either way. */
  #relays = new Map();
  #list = h('ul', { class: 'transfers' });
  #target;
  #input;
  #notice = h('p', { class: 'hint files-notice', role: 'status' });
  #urls = new Set();
  #offs = [];

  constructor(call) {
    this.#call = call;
    this.#target = h('select', { dataset: { testid: 'file-target' } });
    this.#target.setAttribute('aria-label', 'Send to');
    this.#input = h('input', { type: 'file', multiple: true, dataset: { testid: 'file-input' }, onchange: () => this.#onPick() });
    this.element = h('section', { class: 'files', 'aria-label': 'Files' },
      h('h2', {}, 'Files'),
      h('div', { class: 'files-pick' }, this.#target, this.#input),
      this.#notice, this.#list);
    this.#offs.push(
      call.on('link', (link) => this.#attach(link)),
      call.on('unlink', (peerId) => this.#detach(peerId)),
      call.on('peers', () => this.#renderTargets()),
      call.on('started', () => this.#renderNotice()));
    call.connection.on('FileRelayed', this.#onRelayed);
    for (const link of call.links.values()) this.#attach(link);
    this.#renderTargets();
    this.#renderNotice();
  }

  #attach(link) {
    this.#detach(link.peerId);
    const channel = new FileChannel(link.dataChannel, { peerId: link.peerId, maxBytes: () => this.#call.maxFileBytes });
    channel.on('transfer', (t) => this.#show(t));
    this.#channels.set(link.peerId, channel);
  }

  #detach(peerId) {
    this.#channels.get(peerId)?.dispose();
    this.#channels.delete(peerId);
  }

  #onRelayed = (m) => {
    if (!this.#call.peers.has(m.From)) return;
    this.#relayTo(m.From).relay.deliver({ text: m.Text ?? null, frame: m.Frame ?? null });
  };

  #relayTo(peerId) {
    let entry = this.#relays.get(peerId);
    if (!entry || entry.relay.readyState !== 'open') {
      entry?.files.dispose();
      const relay = new RelayChannel(this.#call.connection, peerId);
      const files = new FileChannel(relay, {
        peerId, maxBytes: () => this.#call.relayMaxFileBytes,
        frameBytes: RELAY_FRAME_BYTES, highWater: 256 * 1024, lowWater: 64 * 1024,
      });
      files.on('transfer', (t) => this.#show(t));
      entry = { relay, files };
      this.#relays.set(peerId, entry);
    }
    return entry;
  }

  #dropGoneRelays() {
    for (const [id, entry] of this.#relays) {
      if (this.#call.peers.has(id)) continue;
      entry.files.dispose();
      entry.relay.close();
      this.#relays.delete(id);
    }
  }

  #renderTargets() {
    this.#dropGoneRelays();
    const chosen = this.#target.value;
    const peers = [...this.#call.peers.values()];
    this.#target.replaceChildren(h('option', { value: '' }, 'Everyone'),
      ...peers.map((p) => h('option', { value: p.id, selected: p.id === chosen }, p.name)));
  }

  #renderNotice() {
    const limit = this.#call.maxFileBytes;
    this.#notice.textContent = limit ? `Sent directly between browsers, up to ${formatLimit(limit)} per file.` : '';
  }

  #onPick() {
    const files = [...this.#input.files];
    this.#input.value = '';
    const to = this.#target.value;
    const targets = [...this.#call.peers.keys()].filter((id) => !to || id === to);
    if (targets.length === 0) { this.#notice.textContent = 'Nobody to send to yet: files go to people in the call.'; return; }
    for (const file of files) {
      if (file.size > this.#call.maxFileBytes) {
        this.#notice.textContent = `${file.name} is ${formatBytes(file.size)}: the limit is ${formatLimit(this.#call.maxFileBytes)} per file.`;
        this.#showRejected(file, `Too large (limit ${formatLimit(this.#call.maxFileBytes)})`);
        continue;
      }
      for (const id of targets) this.#sendTo(id, file);
    }
  }

  // Directly over the data channel when it is open; otherwise (no P2P path) through the server, with its lower limit.
  #sendTo(peerId, file) {
    const direct = this.#channels.get(peerId);
    if (direct?.open) { this.#show(direct.send(file)); return; }
    const name = this.#call.peers.get(peerId)?.name ?? 'peer';
    const limit = this.#call.relayMaxFileBytes;
    if (!limit || file.size > limit) {
      this.#notice.textContent = `No direct connection to ${name}, and files through the server are limited to ${formatLimit(limit)}.`;
      this.#showRejected(file, `No direct connection; the server relay takes up to ${formatLimit(limit)}`);
      return;
    }
    this.#notice.textContent = `No direct connection to ${name}: sending through the server (slower, up to ${formatLimit(limit)}).`;
    this.#show(this.#relayTo(peerId).files.send(file, { relayed: true }));
  }

  #showRejected(file, reason) {
    this.#list.prepend(h('li', { class: 'transfer', dataset: { testid: 'file-transfer', state: 'failed', direction: 'send', name: file.name } },
      h('span', { class: 'file-name' }, file.name), h('span', { class: 'file-error' }, reason)));
  }

  #show(t) {
    const progress = h('progress', { max: t.size || 1, value: 0 });
    const status = h('span', { class: 'file-status' });
    const cancel = h('button', { class: 'button small', type: 'button', dataset: { testid: 'file-cancel' }, onclick: () => t.cancel() }, 'Cancel');
    const peer = this.#call.peers.get(t.peerId)?.name ?? 'peer';
    const item = h('li', { class: 'transfer', dataset: { testid: 'file-transfer', direction: t.direction, peer: t.peerId, name: t.name, relay: t.relayed ? 'true' : null } },
      h('span', { class: 'file-name' }, t.name), h('span', { class: 'hint' }, (t.direction === 'send' ? ` to ${peer}` : ` from ${peer}`) + (t.relayed ? ' · through the server' : '')),
      progress, status, cancel);
    const render = () => {
      item.dataset.state = t.state;
      progress.value = t.bytes;
      status.textContent = t.state === 'failed' ? t.error : `${formatBytes(t.bytes)} / ${formatBytes(t.size)}`;
      cancel.hidden = !t.active;
      if (t.state === 'done' && t.sha256) item.dataset.sha256 = t.sha256;
      if (t.url && !item.querySelector('a')) {
        this.#urls.add(t.url);
        item.append(h('a', { href: t.url, download: t.name, class: 'button small', dataset: { testid: 'file-download' } }, 'Download'));
      }
    };
    t.on('change', render);
    render();
    this.#list.prepend(item);
  }

  dispose() {
    for (const off of this.#offs) off();
    this.#call.connection.off('FileRelayed', this.#onRelayed);
    for (const { files, relay } of this.#relays.values()) { files.dispose(); relay.close(); }
    this.#relays.clear();
    for (const id of [...this.#channels.keys()]) this.#detach(id);
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls.clear();
    this.element.remove();
  }
}
