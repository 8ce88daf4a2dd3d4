// Call controls: mic and camera toggles (aria-pressed = the device is on), screen share, leaving and rejoining the
// call, and device pickers (camera, microphone, speaker) that switch devices live.
import { h } from './dom.js';
import { LocalMedia } from './local-media.js';
import { saveDevicePrefs } from './device-prefs.js';

export class Controls {
  element;
  #call;
  #tiles;
  #mic;
  #camera;
  #share;
  #callToggle;
  #devices;
  #selects = {};
  #offs = [];
  #joined = false;

  constructor(call, tiles) {
    this.#call = call;
    this.#tiles = tiles;
    this.#mic = toggle('toggle-mic', 'Mic', () => call.setMic(!call.state.mic));
    this.#camera = toggle('toggle-camera', 'Camera', () => call.setCamera(!call.state.camera));
    this.#share = toggle('share-screen', 'Share screen', () => this.#toggleShare());
    this.#callToggle = h('button', { class: 'button', type: 'button', dataset: { testid: 'call-toggle' }, onclick: () => this.#toggleCall() }, 'Leave call');
    for (const [kind, label] of [['videoinput', 'Camera'], ['audioinput', 'Microphone'], ['audiooutput', 'Speaker']]) {
      this.#selects[kind] = h('select', { dataset: { testid: `${kind}-select` }, onchange: (e) => this.#choose(kind, e.target.value) });
      this.#selects[kind].setAttribute('aria-label', label);
    }
    this.#devices = h('details', { class: 'devices', ontoggle: (e) => { if (e.target.open) this.refreshDevices(); } },
      h('summary', {}, 'Devices'),
      ...Object.entries({ Camera: 'videoinput', Microphone: 'audioinput', Speaker: 'audiooutput' })
        .map(([label, kind]) => h('label', {}, label, this.#selects[kind])));
    this.element = h('div', { class: 'media-controls' }, this.#mic, this.#camera, this.#share, this.#callToggle, this.#devices);
    this.#offs.push(call.on('state', () => this.render()), call.on('started', () => this.render()), call.on('stopped', () => this.render()));
    this.render();
  }

  render() {
    const { state, active } = this.#call;
    setPressed(this.#mic, state.mic, 'Mic on', 'Mic off');
    setPressed(this.#camera, state.camera, 'Camera on', 'Camera off');
    setPressed(this.#share, state.screen, 'Stop sharing', 'Share screen');
    for (const b of [this.#mic, this.#camera, this.#share]) b.disabled = !active;
    this.#callToggle.textContent = active ? 'Leave call' : 'Join call';
    this.#callToggle.dataset.state = active ? 'in-call' : 'out';
  }

  /** Called by the panel with whether the room is joined; the call runs only then, unless the user left it. */
  set roomJoined(joined) { this.#joined = joined; }

  async #toggleCall() {
    this.#callToggle.disabled = true;
    try {
      if (this.#call.active) await this.#call.stop();
      else if (this.#joined) await this.#call.start();
    } finally {
      this.#callToggle.disabled = false;
      this.render();
    }
  }

  async #toggleShare() {
    try {
      if (this.#call.sharing) await this.#call.stopScreenShare();
      else await this.#call.startScreenShare();
    } catch (error) {
      console.warn('screen share:', error);
    }
    this.render();
  }

  async refreshDevices() {
    const devices = await LocalMedia.devices().catch(() => null);
    if (!devices) return;
    const current = {
      videoinput: this.#call.local?.videoTrack?.getSettings().deviceId,
      audioinput: this.#call.local?.audioTrack?.getSettings().deviceId,
    };
    for (const [kind, select] of Object.entries(this.#selects)) {
      select.replaceChildren(...devices[kind].map((d) => h('option', { value: d.id, selected: d.id === current[kind] }, d.label)));
      select.disabled = devices[kind].length === 0;
    }
  }

  async #choose(kind, deviceId) {
    if (kind === 'audiooutput') {
      saveDevicePrefs({ speakerId: deviceId });
      await this.#tiles.setSpeaker(deviceId);
    }
    else await this.#call.switchDevice(kind === 'videoinput' ? 'video' : 'audio', deviceId).catch((e) => console.warn('device switch:', e));
  }

  dispose() {
    for (const off of this.#offs) off();
    this.element.remove();
  }
}

function toggle(testid, label, onclick) {
  return h('button', { class: 'button toggle', type: 'button', 'aria-pressed': 'false', dataset: { testid }, onclick }, label);
}

function setPressed(button, on, onText, offText) {
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? onText : offText;
}
