// Editor helpers, written against the data-testid contract (DESIGN.md §5) and BlazorMonaco's editor registry.
import { waitFor } from './wait.mjs';

/** In page code: the room editor's Monaco instance (its BlazorMonaco id is on the wrapper as data-editor-id). */
export const FIND_EDITOR = `(() => {
  const id = document.querySelector('[data-testid="editor"]')?.dataset.editorId;
  return id ? window.blazorMonaco.editor.getEditor(id, true) : null;
})()`;

/** Waits until the editor exists and its document finished the sync handshake with the server. */
export async function waitEditorSynced(page, timeout = 30_000) {
  await page.locator('[data-testid="editor"][data-sync="synced"]').waitFor({ timeout });
}

export async function editorText(page) {
  return page.evaluate((find) => eval(find)?.getValue() ?? null, FIND_EDITOR);
}

/** Replaces the whole text through Monaco (as one local edit, like a paste over a selection). */
export async function setEditorText(page, text) {
  await page.evaluate(([find, value]) => {
    const editor = eval(find);
    const model = editor.getModel();
    editor.executeEdits('test', [{ range: model.getFullModelRange(), text: value }]);
  }, [FIND_EDITOR, text]);
}

/** Puts the caret at the end of the text and focuses the editor. */
export async function caretToEnd(page) {
  await page.evaluate((find) => {
    const editor = eval(find);
    const model = editor.getModel();
    const line = model.getLineCount();
    editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) });
    editor.focus();
  }, FIND_EDITOR);
}

/** Types with real key events into the focused editor. */
export async function typeInEditor(page, text, { delay = 0 } = {}) {
  await page.keyboard.type(text, { delay });
}

export async function waitTextEquals(pages, expected, { timeout = 20_000, message = 'editor text' } = {}) {
  let texts = [];
  await waitFor(async () => {
    texts = await Promise.all(pages.map(editorText));
    return texts.every((text) => text === expected);
  }, { timeout, message }).catch((error) => {
    throw new Error(`${error.message}; expected ${JSON.stringify(expected)}, the editors show ${texts.map((t) => JSON.stringify(t)).join(', ')}`);
  });
}

export async function waitSameText(pages, { timeout = 20_000 } = {}) {
  return waitFor(async () => {
    const texts = await Promise.all(pages.map(editorText));
    return texts.every((t) => t !== null && t === texts[0]) ? texts[0] : false;
  }, { timeout, message: 'all editors showing the same text' });
}
