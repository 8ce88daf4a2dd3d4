// Three web nodes of one cluster (real redis-server and PostgreSQL, one shared data directory): people on different
// nodes share one room — presence, chat, cursors, the editor (browsers, hub clients and a stock y-websocket client)
// and code runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { launchBrowser } from './support/browser.mjs';
import { LocalCluster } from './support/cluster.mjs';
import { createRoom, joinRoom, participantNames, sendChat, waitConnected } from './support/room.mjs';
import { createRoomOverHttp, HubPeer } from './support/hub-peer.mjs';
import { waitFor } from './support/wait.mjs';
import { waitEditorSynced, editorText, setEditorText, caretToEnd, typeInEditor, waitSameText, waitTextEquals } from './support/editor.mjs';

let cluster;
let browser;

before(async () => {
  // Orleans' own information lines would push the rooms' "is active on this node" lines out of the kept output.
  cluster = await LocalCluster.start({ env: { Serilog__MinimumLevel__Override__Orleans: 'Warning' } });
  browser = await launchBrowser({ media: 'none' });
});

after(async () => {
  await browser?.close();
  await cluster?.dispose();
});

test('the home form rendered by node A is accepted by node B (one shared Data Protection key ring)', async () => {
  const roomId = await createRoomOverHttp(cluster.a.url, 6, { postTo: cluster.b.url });
  for (const node of cluster.nodes) {
    const page = await fetch(`${node.url}/r/${roomId}`);
    assert.equal(page.status, 200, `room ${roomId} on ${node.url}`);
  }
});

/** A fresh browser context on `node`, joined to the room as `name`. */
async function personOn(node, roomId, name) {
  const page = await (await browser.newContext()).newPage();
  await joinRoom(page, `${node.url}/r/${roomId}`, name, { timeout: 30_000 });
  return page;
}

/** Ada creates a room on node A through the home page and joins it. */
async function roomOnNodeA() {
  const page = await (await browser.newContext()).newPage();
  const roomUrl = await createRoom(page, cluster.a.url);
  await joinRoom(page, roomUrl, 'Ada', { timeout: 30_000 });
  return { ada: page, roomId: roomUrl.split('/').pop() };
}

async function withNodeOutput(body) {
  try {
    await body();
  } catch (error) {
    console.log(cluster.output());
    throw error;
  }
}

test('two browsers on different nodes see each other, chat, type together, and a run shows on all three nodes', async () => {
  const { ada, roomId } = await roomOnNodeA();
  const grace = await personOn(cluster.b, roomId, 'Grace');
  let cy;
  await withNodeOutput(async () => {
    for (const page of [ada, grace]) {
      await waitFor(async () => (await participantNames(page)).join() === 'Ada,Grace', { timeout: 15_000, message: `${page.url()} lists Ada and Grace` });
    }

    await sendChat(ada, 'hello from node A');
    await grace.locator('[data-testid="chat-message"]', { hasText: 'hello from node A' }).waitFor({ timeout: 15_000 });
    assert.match(await grace.locator('[data-testid="chat-message"]', { hasText: 'hello from node A' }).innerText(), /Ada/);
    await sendChat(grace, 'hello from node B');
    await ada.locator('[data-testid="chat-message"]', { hasText: 'hello from node B' }).waitFor({ timeout: 15_000 });
    assert.match(await ada.locator('[data-testid="chat-message"]', { hasText: 'hello from node B' }).innerText(), /Grace/);

    await Promise.all([waitEditorSynced(ada), waitEditorSynced(grace)]);
    await setEditorText(ada, 'x = 1\n');
    await waitTextEquals([ada, grace], 'x = 1\n', { message: 'Ada\'s text on node B' });
    await Promise.all([caretToEnd(ada), caretToEnd(grace)]);
    const bursts = 3;
    for (let i = 0; i < bursts; i++) {
      await Promise.all([typeInEditor(ada, 'aaaa ', { delay: 25 }), typeInEditor(grace, 'bbbb ', { delay: 25 })]);
    }
    const merged = await waitSameText([ada, grace]);
    assert.equal(merged.split('a').length - 1, 4 * bursts, merged);
    assert.equal(merged.split('b').length - 1, 4 * bursts, merged);
    assert.ok(merged.startsWith('x = 1\n'), merged);

    // A third person, on node C, joins for the run (a third browser only now: three typing pages and three nodes
    // would share two cores).
    cy = await personOn(cluster.c, roomId, 'Cy');
    for (const page of [ada, grace, cy]) {
      await waitFor(async () => (await participantNames(page)).join() === 'Ada,Cy,Grace', { timeout: 15_000, message: `${page.url()} lists Ada, Cy and Grace` });
    }
    await setEditorText(ada, 'print("hello across nodes", 6 * 7)\n');
    await waitTextEquals([ada, grace, cy], 'print("hello across nodes", 6 * 7)\n', { timeout: 30_000, message: 'the program on all three nodes' });
    await grace.getByTestId('run-code').click();
    for (const page of [ada, grace, cy]) {
      await page.locator('[data-testid="run-output"][data-status="ok"]').waitFor({ timeout: 60_000 });
      assert.match(await page.getByTestId('run-stdout').innerText(), /hello across nodes 42/);
    }
  });
  await Promise.all([ada.context().close(), grace.context().close(), cy?.context().close()]);
});

/** A seeded pseudo-random generator (mulberry32), so a failing interleaving can be read again. */
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 30 random inserts and deletes on `text` through `apply`, each after a short random pause. */
async function typeRandomly(apply, who, seed) {
  const random = seeded(seed);
  for (let i = 0; i < 30; i++) {
    await apply((text) => {
      if (text.length > 6 && random() < 0.3) text.delete(Math.floor(random() * (text.length - 3)), 3);
      else text.insert(Math.floor(random() * (text.length + 1)), `<${who}${i}>`);
    });
    await new Promise((resolve) => setTimeout(resolve, random() * 20));
  }
}

test('hub clients on nodes A and B and a stock y-websocket client on node C converge on random concurrent edits, and hear each other', async () => {
  const roomId = await createRoomOverHttp(cluster.a.url, 6);
  const ada = new HubPeer(cluster.a.url, roomId, 'Ada');
  const bob = new HubPeer(cluster.b.url, roomId, 'Bob');
  const joined = { Ada: [], Bob: [] };
  const chat = { Ada: [], Bob: [] };
  for (const [name, peer] of [['Ada', ada], ['Bob', bob]]) {
    peer.connection.on('ParticipantJoined', (p) => joined[name].push(p.DisplayName));
    peer.connection.on('ChatPosted', (m) => chat[name].push(m.Text));
  }
  const doc = new Y.Doc();
  let provider;
  try {
    await withNodeOutput(async () => {
      await ada.connect();
      await bob.connect();
      provider = new WebsocketProvider(`${cluster.c.url.replace('http', 'ws')}/yjs`, roomId, doc,
        { WebSocketPolyfill: WebSocket, params: { name: 'Cy' } });
      provider.awareness.setLocalStateField('user', { name: 'Cy' });
      await waitFor(() => provider.synced, { timeout: 15_000, message: 'y-websocket provider on node C synced' });

      // Presence: each hub client hears the others join, whichever node they are on.
      await waitFor(() => joined.Ada.includes('Bob') && joined.Ada.includes('Cy') && joined.Bob.includes('Cy'),
        { timeout: 15_000, message: `joins heard across nodes: ${JSON.stringify(joined)}` });
      // Chat both ways between nodes A and B.
      await ada.connection.invoke('SendChat', 'from node A');
      await bob.connection.invoke('SendChat', 'from node B');
      await waitFor(() => ['from node A', 'from node B'].every((t) => chat.Ada.includes(t) && chat.Bob.includes(t)),
        { timeout: 15_000, message: `chat heard across nodes: ${JSON.stringify(chat)}` });
      // Cursors: Cy's awareness state (node C) reaches the hub clients on nodes A and B.
      const seesCy = (peer) => [...peer.awareness.getStates().values()].some((state) => state.user?.name === 'Cy');
      await waitFor(() => seesCy(ada) && seesCy(bob), { timeout: 15_000, message: 'Cy\'s cursor state on nodes A and B' });

      const cyText = doc.getText('monaco');
      await Promise.all([
        typeRandomly((change) => ada.edit(change), 'a', 11),
        typeRandomly((change) => bob.edit(change), 'b', 22),
        typeRandomly(async (change) => doc.transact(() => change(cyText)), 'c', 33),
      ]);
      await waitFor(() => ada.text === bob.text && bob.text === cyText.toString() && ada.text.length > 0,
        { timeout: 20_000, message: 'the three documents converge' })
        .catch((error) => { throw new Error(`${error.message}\nA ${ada.text}\nB ${bob.text}\nC ${cyText.toString()}`); });

      // What the room stored is what they all have: a newcomer on node C reads the same text.
      const dee = new HubPeer(cluster.c.url, roomId, 'Dee');
      await dee.connect();
      assert.equal(dee.text, ada.text);
      await dee.close();
    });
  } finally {
    provider?.destroy();
    provider?.awareness.destroy();
    doc.destroy();
    await Promise.allSettled([ada.close(), bob.close()]);
  }
});

test('a stock y-websocket client on node B and a browser on node A converge', async () => {
  const { ada, roomId } = await roomOnNodeA();
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${cluster.b.url.replace('http', 'ws')}/yjs`, roomId, doc, { WebSocketPolyfill: WebSocket });
  try {
    await withNodeOutput(async () => {
      await waitEditorSynced(ada);
      await waitFor(() => provider.synced, { timeout: 15_000, message: 'y-websocket provider on node B synced' });
      const ytext = doc.getText('monaco');
      await waitFor(async () => (await editorText(ada)) === ytext.toString(), { timeout: 15_000, message: 'the starter text on node B' });

      await setEditorText(ada, 'shared\n');
      await waitFor(() => ytext.toString() === 'shared\n', { timeout: 15_000, message: 'Ada\'s text reached the y-websocket client' });
      await caretToEnd(ada);
      const bursts = 3;
      for (let i = 0; i < bursts; i++) {
        const typing = typeInEditor(ada, 'aaaa ', { delay: 25 });
        doc.transact(() => ytext.insert(0, 'yyyy '));
        await typing;
      }
      await waitFor(async () => (await editorText(ada)) === ytext.toString(), { timeout: 20_000, message: 'browser and y-websocket client converge' });
      const merged = ytext.toString();
      assert.equal(merged.split('a').length - 1, 4 * bursts + 1, merged); // + the a in "shared"
      assert.equal(merged.split('y').length - 1, 4 * bursts, merged);
    });
  } finally {
    provider.destroy();
    provider.awareness.destroy(); // the provider leaves its awareness timer running
    doc.destroy();
    await ada.context().close();
  }
});

/** Records every state the page's connection badge shows from now on, however briefly (the page keeps them in `window`). */
async function recordConnectionStates(page) {
  await page.evaluate(() => {
    const badge = () => document.querySelector('[data-testid="connection-status"]');
    window.__connectionStates = [badge()?.getAttribute('data-state')];
    new MutationObserver(() => {
      const state = badge()?.getAttribute('data-state');
      if (state && window.__connectionStates.at(-1) !== state) window.__connectionStates.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

// Last: it kills a node (and starts it again on its address).
test('the node hosting a room dies (kill -9): people on the other nodes reconnect by themselves and nothing typed is lost', async () => {
  const { ada, roomId } = await roomOnNodeA();
  const grace = await personOn(cluster.b, roomId, 'Grace');
  await withNodeOutput(async () => {
    await Promise.all([waitEditorSynced(ada), waitEditorSynced(grace)]);
    await setEditorText(ada, 'before the crash\n');
    await waitTextEquals([ada, grace], 'before the crash\n', { message: 'the text on both nodes' });

    const hosts = cluster.nodes.filter((node) => node.output.includes(`Room ${roomId} is active on this node`));
    assert.equal(hosts.length, 1, 'one node logged that it hosts the room');
    const host = hosts[0];
    console.log(`# the room's host: node ${'ABC'[cluster.nodes.indexOf(host)]}`);
    const people = [[ada, cluster.a], [grace, cluster.b]];
    const survivors = people.filter(([, node]) => node !== host).map(([page]) => page);
    for (const page of survivors) await recordConnectionStates(page);

    await host.stop(); // SIGKILL
    // The room comes back on a surviving node; each surviving node cuts its own people, whose pages reconnect.
    for (const page of survivors) {
      let states = [];
      await waitFor(async () => {
        states = await page.evaluate(() => window.__connectionStates);
        return states.includes('reconnecting') && states.at(-1) === 'connected';
      }, { timeout: 60_000, message: 'the badge goes reconnecting → connected' })
        .catch((error) => { throw new Error(`${error.message} (states: ${states.join(' → ')}; host ${host.url})`); });
      await waitEditorSynced(page, 30_000);
      assert.equal(await editorText(page), 'before the crash\n');
    }
    // The dead node comes back on its address (as a replacement behind the load balancer would) and its people too.
    await host.run();
    for (const [page] of people) {
      await waitConnected(page, 90_000);
      await waitEditorSynced(page, 90_000);
    }
    await waitTextEquals([ada, grace], 'before the crash\n', { timeout: 30_000, message: 'the text after the crash' });
    await Promise.all([caretToEnd(ada), caretToEnd(grace)]);
    await Promise.all([typeInEditor(ada, 'aaaa ', { delay: 25 }), typeInEditor(grace, 'bbbb ', { delay: 25 })]);
    const merged = await waitSameText([ada, grace], { timeout: 30_000 });
    assert.ok(merged.startsWith('before the crash\n'), merged);
    // Four of each, and one of each in "before the crash".
    assert.equal(merged.split('a').length - 1, 5, merged);
    assert.equal(merged.split('b').length - 1, 5, merged);
  });
  await Promise.all([ada.context().close(), grace.context().close()]);
});
