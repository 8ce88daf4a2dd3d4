// Replays edit scripts with yjs's own API, to check that local edits made through Interview.Crdt's API
// produce exactly the bytes yjs produces for the same edits.
// usage: node replay-ops.mjs IN.jsonl OUT.jsonl
// IN line: { seed, clients: [id], ops: [[doc, op, ...args]] } with ops
//   ti index text | td index len | ms key json | mt key kind | md key | ai index [json] | ad index len | sync from
//   u (undo) | r (redo), with one UndoManager per doc over text, list and meta (captureTimeout 0)
// OUT line: { seed, states: [b64 encodeStateAsUpdate per doc], json: [..] } or { seed, error }
import * as Y from 'yjs'
import fs from 'node:fs'
import { b64 } from './random.mjs'

const [input, output] = process.argv.slice(2)
const out = []
for (const line of fs.readFileSync(input, 'utf8').split('\n')) {
  if (!line.trim()) continue
  const s = JSON.parse(line)
  try {
    const docs = s.clients.map((id) => { const d = new Y.Doc({ guid: 'g' }); d.clientID = id; return d })
    const ums = docs.map((d) => new Y.UndoManager([d.getText('text'), d.getArray('list'), d.getMap('meta')], { captureTimeout: 0 }))
    for (const [i, op, a, b] of s.ops) {
      const d = docs[i]
      switch (op) {
        case 'ti': d.getText('text').insert(a, b); break
        case 'td': d.getText('text').delete(a, b); break
        case 'ms': d.getMap('meta').set(a, b); break
        case 'mt': d.getMap('meta').set(a, b === 'text' ? new Y.Text() : b === 'map' ? new Y.Map() : new Y.Array()); break
        case 'md': d.getMap('meta').delete(a); break
        case 'ai': d.getArray('list').insert(a, b); break
        case 'ad': d.getArray('list').delete(a, b); break
        case 'u': ums[i].undo(); break
        case 'r': ums[i].redo(); break
        case 'sync': Y.applyUpdate(d, Y.encodeStateAsUpdate(docs[a], Y.encodeStateVector(d))); break
        default: throw new Error('unknown op ' + op)
      }
    }
    out.push(JSON.stringify({
      seed: s.seed,
      states: docs.map((d) => b64(Y.encodeStateAsUpdate(d))),
      json: docs.map((d) => JSON.stringify({ text: d.getText('text').toJSON(), meta: d.getMap('meta').toJSON(), list: d.getArray('list').toJSON() })),
    }))
  } catch (e) {
    out.push(JSON.stringify({ seed: s.seed, error: String((e && e.stack) || e) }))
  }
}
fs.writeFileSync(output, out.join('\n') + '\n')
