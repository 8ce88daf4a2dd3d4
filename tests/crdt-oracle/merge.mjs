// Update utilities without a doc: Y.mergeUpdates and Y.diffUpdate on random sessions.
// usage: node merge.mjs OUT.jsonl FIRST_SEED COUNT
// line: { seed, updates: [b64], subset: [index], merged: b64, mergedSubset: b64, sv: b64, diff: b64 }
import * as Y from 'yjs'
import fs from 'node:fs'
import { session } from './generate.mjs'
import { prng, b64, fromB64 } from './random.mjs'

const [out, first, count] = process.argv.slice(2)
const lines = []
for (let seed = Number(first); seed < Number(first) + Number(count); seed++) {
  const s = session(seed)
  const r = prng(seed * 7 + 1)
  const updates = s.updates.map(fromB64)
  const subset = updates.map((_, i) => i).filter(() => r.bool(0.5)).sort(() => r.next() - 0.5)
  const merged = Y.mergeUpdates(updates)
  const mergedSubset = Y.mergeUpdates(subset.map((i) => updates[i]))
  const partial = new Y.Doc({ guid: 'g' })
  subset.forEach((i) => Y.applyUpdate(partial, updates[i]))
  const sv = Y.encodeStateVector(partial)
  lines.push(JSON.stringify({ seed, updates: s.updates, subset, merged: b64(merged), mergedSubset: b64(mergedSubset), sv: b64(sv), diff: b64(Y.diffUpdate(merged, sv)) }))
}
fs.writeFileSync(out, lines.join('\n') + '\n')
