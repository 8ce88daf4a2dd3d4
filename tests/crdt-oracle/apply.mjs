// Applies update sequences produced elsewhere (by Interview.Crdt) with yjs and reports what yjs makes of them.
// usage: node apply.mjs IN.jsonl OUT.jsonl
// IN line: { seed, updates: [b64] }  →  OUT line: { seed, json, state: b64(encodeStateAsUpdate), error? }
import * as Y from 'yjs'
import fs from 'node:fs'
import { b64, fromB64 } from './random.mjs'

const [input, output] = process.argv.slice(2)
const out = []
for (const line of fs.readFileSync(input, 'utf8').split('\n')) {
  if (!line.trim()) continue
  const s = JSON.parse(line)
  const doc = new Y.Doc({ guid: 'g' })
  doc.clientID = 7
  try {
    for (const u of s.updates) Y.applyUpdate(doc, fromB64(u))
    out.push(JSON.stringify({
      seed: s.seed,
      json: JSON.stringify({ text: doc.getText('text').toJSON(), meta: doc.getMap('meta').toJSON(), list: doc.getArray('list').toJSON() }),
      state: b64(Y.encodeStateAsUpdate(doc)),
    }))
  } catch (e) {
    out.push(JSON.stringify({ seed: s.seed, error: String(e && e.stack || e) }))
  }
}
fs.writeFileSync(output, out.join('\n') + '\n')
