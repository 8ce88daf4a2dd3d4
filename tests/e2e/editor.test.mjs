// The collaborative editor in a real browser: two people type, see each other's cursors, switch the language,
// run code for everyone; the text survives reloads, server restarts and offline edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinRoom, twoInRoom } from './support/room.mjs';
import { TcpProxy } from './support/tcp-proxy.mjs';
import { waitFor } from './support/wait.mjs';
import { FIND_EDITOR, waitEditorSynced, editorText, setEditorText, caretToEnd, typeInEditor, waitSameText, waitTextEquals } from './support/editor.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser({ env: { INTERVIEW_Rooms__ReconnectGraceSeconds: '30' } });

async function twoEditors({ via } = {}) {
  const pair = await twoInRoom(suite.browser, suite.server.url, { via });
  await Promise.all([waitEditorSynced(pair.a), waitEditorSynced(pair.b)]);
  return pair;
}

test('two people typing at the same time converge, and see each other\'s named cursors', async () => {
  const { a, b, close } = await twoEditors();
  try {
    const starter = await waitSameText([a, b]);
    assert.match(starter, /print\("Hello, world!"\)/, 'a new room starts with the Python template');

    await setEditorText(a, 'x = 1\n');
    await waitTextEquals([a, b], 'x = 1\n');
    await Promise.all([caretToEnd(a), caretToEnd(b)]);
    await Promise.all([typeInEditor(a, 'aaaa aaaa aaaa', { delay: 30 }), typeInEditor(b, 'bbbb bbbb bbbb', { delay: 30 })]);
    const merged = await waitSameText([a, b]);
    assert.equal(merged.split('a').length - 1, 12, merged);
    assert.equal(merged.split('b').length - 1, 12, merged);
    assert.ok(merged.startsWith('x = 1\n'), merged);

    // Grace's cursor shows in Ada's editor with Grace's name.
    const label = await waitFor(async () => a.evaluate(() => {
      const head = document.querySelector('[data-testid="editor"] .yRemoteSelectionHead');
      return head ? getComputedStyle(head, '::after').content : null;
    }), { timeout: 15_000, message: 'remote cursor in Ada\'s editor' });
    assert.equal(label, '"Grace"');

    // When Grace leaves, her cursor goes away.
    await b.getByTestId('leave-room').click();
    await waitFor(async () => a.evaluate(() => !document.querySelector('[data-testid="editor"] .yRemoteSelectionHead')),
      { timeout: 15_000, message: 'Grace\'s cursor removed' }).catch(async (error) => {
      console.log('# cursor styles:', await a.evaluate(() => document.querySelector('style[data-editor-cursors]')?.textContent));
      console.log('# heads:', await a.evaluate(() => [...document.querySelectorAll('.yRemoteSelectionHead')].map((e) => e.className).join(' | ')));
      console.log(suite.server.output.slice(-4000));
      throw error;
    });
  } finally {
    await close();
  }
});

test('the language picker switches everyone, with a starter template in an empty editor', async () => {
  const { a, b, close } = await twoEditors();
  try {
    await a.getByTestId('language-select').selectOption('javascript');
    await waitFor(async () => (await b.getByTestId('language-select').inputValue()) === 'javascript', { message: 'Grace sees JavaScript' });
    await waitTextEquals([a, b], (await editorText(a)).includes('console.log') ? await editorText(a) : '\u0000', { message: 'JavaScript template for both' });
    const monacoLanguage = await b.evaluate((find) => eval(find).getModel().getLanguageId(), FIND_EDITOR);
    assert.equal(monacoLanguage, 'javascript');

    // Undo only undoes one's own edits.
    await setEditorText(a, 'one\n');
    await waitTextEquals([a, b], 'one\n');
    await caretToEnd(b);
    await typeInEditor(b, 'two');
    await waitTextEquals([a, b], 'one\ntwo');
    await caretToEnd(a);
    await a.keyboard.press('Control+z');
    await waitFor(async () => !(await editorText(a)).includes('one'), { message: 'Ada\'s edit undone' });
    assert.ok((await editorText(a)).includes('two'), 'Grace\'s edit stays');
  } finally {
    await close();
  }
});

test('Run python prints the output for both people', async () => {
  const { a, b, close } = await twoEditors();
  try {
    await setEditorText(a, 'import sys\nprint("hello from the room", 6 * 7)\nprint(sys.stdin.read().upper())\n');
    await waitTextEquals([a, b], await editorText(a));
    await b.getByTestId('run-stdin').fill('abc');
    await b.getByTestId('run-code').click();
    for (const page of [a, b]) {
      await page.locator('[data-testid="run-output"][data-status="ok"]').waitFor({ timeout: 60_000 });
      const output = await page.getByTestId('run-stdout').innerText();
      assert.match(output, /hello from the room 42/);
      assert.match(output, /ABC/);
    }
    assert.match(await a.getByTestId('run-metrics').innerText(), /ms/);
  } finally {
    await close();
  }
});

test('the text survives a reload and a server restart (kill -9)', async () => {
  const { a, b, roomUrl, close } = await twoEditors();
  try {
    await setEditorText(a, 'persist me\n');
    await caretToEnd(a);
    await typeInEditor(a, 'typed');
    await waitTextEquals([a, b], 'persist me\ntyped');

    await b.reload();
    await waitEditorSynced(b);
    await waitTextEquals([b], 'persist me\ntyped');

    await suite.server.restart();
    // Ada's page reconnects (Blazor reloads it when its circuit is gone) and shows the stored text again.
    await waitTextEquals([a], 'persist me\ntyped', { timeout: 90_000, message: 'Ada\'s editor after the restart' });
    const fresh = await (await suite.browser.newContext()).newPage();
    const consoleLines = [];
    fresh.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    await joinRoom(fresh, roomUrl, 'Linus');
    await waitEditorSynced(fresh).catch(async (error) => {
      console.log('# data-sync:', await fresh.getByTestId('editor').getAttribute('data-sync').catch(() => 'no editor'));
      console.log('# editor error:', await fresh.getByTestId('editor-error').innerText().catch(() => ''));
      console.log('# console:\n' + consoleLines.slice(-30).join('\n'));
      console.log(suite.server.output.slice(-8000));
      throw error;
    });
    await waitTextEquals([fresh], 'persist me\ntyped', { timeout: 30_000 });
    await fresh.context().close();
  } finally {
    await close();
  }
});

test('edits made while offline merge on reconnect', async () => {
  const proxy = await TcpProxy.start(suite.server.port);
  const { a, b, close } = await twoEditors({ via: proxy });
  try {
    await setEditorText(a, 'base\n');
    await waitTextEquals([a, b], 'base\n');
    proxy.cut();
    await waitFor(async () => (await b.locator('[data-testid="editor"]').getAttribute('data-sync')) !== 'synced', { timeout: 30_000, message: 'Grace offline' });
    await caretToEnd(b);
    await typeInEditor(b, 'offline by Grace\n');
    await caretToEnd(a);
    await typeInEditor(a, 'online by Ada\n');
    proxy.restore();
    const merged = await waitSameText([a, b], { timeout: 60_000 });
    assert.match(merged, /offline by Grace/);
    assert.match(merged, /online by Ada/);
  } finally {
    await close();
    await proxy.close();
  }
});

test('a 1 MB paste syncs to the other person (the browser sends it in parts)', async () => {
  const { a, b, close } = await twoEditors();
  try {
    await waitSameText([a, b]);
    const line = 'const pasted = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]; // one line of a large paste\n';
    const big = line.repeat(Math.ceil((1024 * 1024) / line.length));
    assert.ok(big.length >= 1024 * 1024);
    const digestOf = (text) => { let h = 0; for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0; return `${text.length}:${h}`; };
    const digest = (page) => page.evaluate((find) => {
      const text = eval(find)?.getValue() ?? '';
      let h = 0;
      for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
      return `${text.length}:${h}`;
    }, FIND_EDITOR);

    await setEditorText(a, big);
    await waitFor(async () => (await digest(b)) === digestOf(big), { timeout: 60_000, message: 'the megabyte reached Grace' });
    assert.equal(await a.getByTestId('editor-error').isHidden(), true, 'no error for the paste');
    // Grace keeps typing on top of it, and Ada sees that too.
    await setEditorText(b, big + 'after');
    await waitFor(async () => (await digest(a)) === digestOf(big + 'after'), { timeout: 60_000, message: 'Grace\'s edit after the paste reached Ada' });
  } finally {
    await close();
  }
});
