// Collaborative editor: binds the room page's BlazorMonaco editor to a Y.Doc (Y.Text 'monaco', Y.Map 'meta')
// synced with the room's document over the room hub. Loaded by CodeEditor.razor once the editor exists; every
// attach() returns a handle whose dispose() tears everything down again.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { MonacoBinding } from 'y-monaco';
import { bindMonaco } from './editor/monaco-shim.js';
import { HubProvider } from './editor/hub-provider.js';
import { RemoteCursors, colorFor } from './editor/remote-cursors.js';
import { loadSettings, saveSettings, clampFontSize } from './editor/settings.js';
import { currentRoom } from './room/current-room.js';
import { backoffDelay } from './room/hub-connection.js';

/**
 * @param editorId BlazorMonaco's editor id
 * @param elements { wrapper, error }: the editor's wrapper (gets data-sync and data-language) and the error line
 * @param options { name, participantId, languages: { id: monacoLanguageId } }
 */
export async function attach(editorId, elements, options) {
  const monaco = bindMonaco();
  const editor = window.blazorMonaco.editor.getEditor(editorId, true);
  if (!editor?.getModel()) throw new Error(`no Monaco editor with id ${editorId} (it was disposed)`);
  const room = await currentRoom();
  const session = new EditorSession(monaco, editor, room, elements, options);
  return {
    flush: () => session.flush(),
    settings: () => session.settings,
    setTheme: (theme) => session.setTheme(theme),
    setFontSize: (size) => session.setFontSize(size),
    dispose: () => session.dispose(),
  };
}

class EditorSession {
  #monaco;
  #editor;
  #room;
  #elements;
  #options;
  #model;
  #actions = [];
  #parts = null;
  #refusalsSinceSync = 0;
  #reconnectTimer = null;
  settings = loadSettings();

  constructor(monaco, editor, room, elements, options) {
    this.#monaco = monaco;
    this.#editor = editor;
    this.#room = room;
    this.#elements = elements;
    this.#options = options;
    this.#model = editor.getModel();
    this.#model.setEOL(monaco.editor.EndOfLineSequence.LF);
    this.#applySettings();
    // Undo and redo only what this user typed (Y.UndoManager tracks the binding's own transactions).
    const { KeyMod, KeyCode } = monaco;
    this.#actions.push(
      editor.addAction({ id: 'interview.undo', label: 'Undo my last edit', keybindings: [KeyMod.CtrlCmd | KeyCode.KeyZ], run: () => this.#parts?.undo.undo() }),
      editor.addAction({
        id: 'interview.redo', label: 'Redo my last edit',
        keybindings: [KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, KeyMod.CtrlCmd | KeyCode.KeyY],
        run: () => this.#parts?.undo.redo(),
      }),
    );
    this.#connect();
  }

  // A fresh Y.Doc bound to the editor. Called again (after destroying the old one) when the server refused one of
  // our updates: the server's document is the truth, so we start over from it.
  #connect() {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const color = colorFor(this.#options.participantId ?? doc.clientID);
    awareness.setLocalStateField('user', { name: this.#options.name ?? 'Someone', color, participantId: this.#options.participantId ?? null });
    const text = doc.getText('monaco');
    const meta = doc.getMap('meta');
    const binding = new MonacoBinding(text, this.#model, new Set([this.#editor]), awareness);
    const undo = new Y.UndoManager(text, { trackedOrigins: new Set([binding]), captureTimeout: 500 });
    const cursors = new RemoteCursors(awareness, doc.clientID);
    const onMeta = () => this.#applyLanguage(meta.get('language'));
    meta.observe(onMeta);
    const onLocalEdit = (_update, origin) => { if (origin === binding) this.#showError(null); };
    doc.on('update', onLocalEdit);
    const provider = new HubProvider(this.#room, doc, awareness, {
      onStatus: (status) => {
        this.#elements.wrapper.dataset.sync = status;
        if (status === 'synced') this.#refusalsSinceSync = 0;
      },
      onRejected: (message) => this.#rejected(message),
    });
    this.#parts = { doc, awareness, binding, undo, cursors, provider, destroy: () => {
      provider.destroy();
      meta.unobserve(onMeta);
      doc.off('update', onLocalEdit);
      cursors.destroy();
      undo.destroy();
      binding.destroy();
      awareness.destroy();
      doc.destroy();
    } };
  }

  // Starting over at once fixes a refused edit; when the server keeps refusing before we ever got back in sync (its
  // room is unreachable for a while), the next attempts back off instead of asking again in a tight loop.
  #rejected(message) {
    this.#showError(message);
    this.#parts?.destroy();
    this.#parts = null;
    const refusals = this.#refusalsSinceSync++;
    if (refusals === 0) this.#connect();
    else this.#reconnectTimer = setTimeout(() => { this.#reconnectTimer = null; this.#connect(); }, backoffDelay(refusals - 1));
  }

  #showError(message) {
    const element = this.#elements.error;
    if (!element || (message === null && element.hidden)) return;
    element.textContent = message ?? '';
    element.hidden = message === null;
  }

  #applyLanguage(id) {
    if (typeof id !== 'string') return;
    this.#monaco.editor.setModelLanguage(this.#model, this.#options.languages?.[id] ?? 'plaintext');
    this.#elements.wrapper.dataset.language = id;
  }

  #applySettings() {
    this.#monaco.editor.setTheme(this.settings.theme);
    this.#editor.updateOptions({ fontSize: this.settings.fontSize });
  }

  setTheme(theme) {
    this.settings = { ...this.settings, theme: theme === 'vs-dark' ? 'vs-dark' : 'vs' };
    saveSettings(this.settings);
    this.#applySettings();
  }

  setFontSize(size) {
    this.settings = { ...this.settings, fontSize: clampFontSize(size) };
    saveSettings(this.settings);
    this.#applySettings();
  }

  /** Resolves once the server acknowledged every local edit so far (used before Run). */
  flush() {
    return this.#parts?.provider.flush() ?? Promise.resolve();
  }

  dispose() {
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#parts?.destroy();
    this.#parts = null;
    for (const action of this.#actions.splice(0)) action.dispose();
  }
}
