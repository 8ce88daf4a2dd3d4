// Labels y-monaco's remote selections with each participant's name and colour. y-monaco decorates a remote
// selection with the classes yRemoteSelection-<clientID> and yRemoteSelectionHead-<clientID>; this module keeps
// one <style> element whose rules give those classes the colour and name from the awareness state `user`.
export const PALETTE = ['#d7263d', '#1b998b', '#2e86ab', '#f46036', '#8e44ad', '#c5a100', '#3d9970', '#e83e8c'];

/** A stable colour for a participant id. */
export function colorFor(id) {
  let hash = 0;
  for (const char of String(id)) hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

export class RemoteCursors {
  #awareness;
  #clientId;
  #style = document.createElement('style');
  #css = null;

  constructor(awareness, clientId) {
    this.#awareness = awareness;
    this.#clientId = clientId;
    this.#style.dataset.editorCursors = '';
    document.head.append(this.#style);
    awareness.on('change', this.#render);
    this.#render();
  }

  #render = () => {
    const rules = [];
    for (const [clientId, state] of this.#awareness.getStates()) {
      if (clientId === this.#clientId || !state?.user) continue;
      const color = /^#[0-9a-f]{6}$/i.test(state.user.color ?? '') ? state.user.color : '#888888';
      const name = JSON.stringify(String(state.user.name ?? 'Someone').slice(0, 60));
      rules.push(
        `.yRemoteSelection-${clientId} { background-color: ${color}40; }`,
        `.yRemoteSelectionHead-${clientId} { position: absolute; height: 100%; border-left: 2px solid ${color}; box-sizing: border-box; }`,
        `.yRemoteSelectionHead-${clientId}::after { content: ${name}; position: absolute; left: -2px; top: -1.3em; padding: 0 4px;` +
          ` font: 11px/1.3em system-ui, sans-serif; color: #fff; background: ${color}; border-radius: 3px 3px 3px 0; white-space: nowrap; pointer-events: none; z-index: 10; }`,
      );
    }
    // Awareness changes with every remote cursor move, but the rules only when someone comes, goes or is renamed:
    // rewriting an unchanged style sheet would restyle the whole page on every keystroke of every typist.
    const css = rules.join('\n');
    if (css === this.#css) return;
    this.#css = css;
    this.#style.textContent = css;
  };

  destroy() {
    this.#awareness.off('change', this.#render);
    this.#style.remove();
  }
}
