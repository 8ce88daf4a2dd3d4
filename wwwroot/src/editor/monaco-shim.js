// Stands in for the `monaco-editor` package when y-monaco is bundled: BlazorMonaco already loads Monaco 0.34 and
// puts it on `window.monaco`, so a second copy must not be bundled. esbuild (build.mjs) resolves every
// `monaco-editor/...` import here. The exports are live bindings, filled by bindMonaco() before y-monaco uses them.
export let Range;
export let Selection;
export let SelectionDirection;
export let editor;
export let KeyMod;
export let KeyCode;

export function bindMonaco(monaco = globalThis.monaco) {
  if (!monaco) throw new Error('Monaco is not loaded (window.monaco is missing)');
  ({ Range, Selection, SelectionDirection, editor, KeyMod, KeyCode } = monaco);
  return monaco;
}
