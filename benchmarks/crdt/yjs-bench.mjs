// yjs side of the CRDT benchmark: the same workloads as Interview.Crdt.Benchmarks, printed as one JSON line.
// usage: node yjs-bench.mjs TRACE.json.gz [trace-only]
import * as Y from 'yjs'
import fs from 'node:fs'
import zlib from 'node:zlib'

const [tracePath, mode] = process.argv.slice(2)
const trace = JSON.parse(zlib.gunzipSync(fs.readFileSync(tracePath)).toString('utf8'))
const now = () => performance.now()

// B4: the editing trace, one transaction per txn, client id 1 (same as `interview crdt trace`).
const heapBefore = process.memoryUsage().heapUsed
let t0 = now()
const doc = new Y.Doc()
doc.clientID = 1
const text = doc.getText('text')
for (const txn of trace.txns) {
  doc.transact(() => {
    for (const [pos, del, ins] of txn.patches) {
      if (del > 0) text.delete(pos, del)
      if (ins.length > 0) text.insert(pos, ins)
    }
  })
}
const traceMs = now() - t0
if (text.toString() !== trace.endContent) throw new Error('trace replay did not reach endContent')
const heapAfter = process.memoryUsage().heapUsed
const update = Y.encodeStateAsUpdate(doc)
const result = { impl: 'yjs', traceMs, updateBytes: update.length, heapMB: (heapAfter - heapBefore) / 1048576 }

if (mode !== 'trace-only') {
  // Loading the final state into a fresh doc and reading the text.
  t0 = now()
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, update)
  const s = loaded.getText('text').toString()
  result.loadMs = now() - t0
  if (s !== trace.endContent) throw new Error('load mismatch')

  // B1-style: 6000 single-character appends by one client, each its own transaction; encode at the end.
  t0 = now()
  const b1 = new Y.Doc(); b1.clientID = 2
  const b1t = b1.getText('text')
  for (let i = 0; i < 6000; i++) b1t.insert(i, 'x')
  result.b1Ms = now() - t0
  // B2-style: two clients insert 6000 chars each concurrently at random positions, then sync both ways.
  t0 = now()
  const a = new Y.Doc(); a.clientID = 3
  const b = new Y.Doc(); b.clientID = 4
  let seed = 1
  const rnd = (n) => { seed = (seed * 16807) % 2147483647; return seed % n }
  for (let i = 0; i < 6000; i++) {
    a.getText('text').insert(rnd(a.getText('text').length + 1), 'a')
    b.getText('text').insert(rnd(b.getText('text').length + 1), 'b')
  }
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  result.b2Ms = now() - t0
  // B3-style: 100 clients each set a map key, updates applied to one doc.
  t0 = now()
  const target = new Y.Doc()
  for (let c = 0; c < 100; c++) {
    const d = new Y.Doc(); d.clientID = 1000 + c
    d.getMap('map').set('k' + (c % 10), c)
    Y.applyUpdate(target, Y.encodeStateAsUpdate(d))
  }
  result.b3Ms = now() - t0
}
console.log(JSON.stringify(result))
