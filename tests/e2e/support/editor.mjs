// Editor helpers, written against the data-testid contract (DESIGN.md §5) and BlazorMonaco's editor registry.
import { waitFor } from './wait.mjs';

export const EDITOR_ID = 'room-editor';

/** Waits until the editor exists and its document finished the sync handshake with the server. */
export async function waitEditorSynced(page, timeout = 30_000) {
  await page.locator('[data-testid="editor"][data-sync="synced"]').waitFor({ timeout });
}

export async function editorText(page) {
  return page.evaluate((id) => window.blazorMonaco.editor.getEditor(id)?.getValue() ?? null, EDITOR_ID);
}

/** Replaces the whole text through Monaco (as one local edit, like a paste over a selection). */
export async function setEditorText(page, text) {
  await page.evaluate(([id, value]) => {
    const editor = window.blazorMonaco.editor.getEditor(id);
    const model = editor.getModel();
    editor.executeEdits('test', [{ range: model.getFullModelRange(), text: value }]);
  }, [EDITOR_ID, text]);
}

/** Puts the caret at the end of the text and focuses the editor. */
export async function caretToEnd(page) {
  await page.evaluate((id) => {
    const editor = window.blazorMonaco.editor.getEditor(id);
    const model = editor.getModel();
    const line = model.getLineCount();
    editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) });
    editor.focus();
  }, EDITOR_ID);
}

/** Types with real key events into the focused editor. */
export async function typeInEditor(page, text, { delay = 0 } = {}) {
  await page.keyboard.type(text, { delay });
}

export async function waitTextEquals(pages, expected, { timeout = 20_000, message = 'editor text' } = {}) {
  await waitFor(async () => {
    for (const page of pages) if ((await editorText(page)) !== expected) return false;
    return true;
  }, { timeout, message });
}

export async function waitSameText(pages, { timeout = 20_000 } = {}) {
  return waitFor(async () => {
    const texts = await Promise.all(pages.map(editorText));
    return texts.every((t) => t !== null && t === texts[0]) ? texts[0] : false;
  }, { timeout, message: 'all editors showing the same text' });
}
