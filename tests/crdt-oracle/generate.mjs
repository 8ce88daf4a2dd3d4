// Generates seeded random concurrent yjs sessions and what yjs makes of them.
// usage: node generate.mjs OUT.jsonl FIRST_SEED COUNT
// Each line: { seed, updates: [b64], delivery: [index], mid, stuck, expected: { json, state, sv, midJson, midState, diff } }
// Several clients (small and 53-bit ids) edit Y.Text('text'), Y.Map('meta'), Y.Array('list') and nested types
// (emoji, CRLF, CJK, surrogate splits, undo), syncing now and then; a receiver gets every update shuffled, some
// twice, some late. `expected` is what yjs 13.6 produced for exactly that delivery order.
import * as Y from 'yjs'
import fs from 'node:fs'
import { prng, b64 } from './random.mjs'

const texts = ['a', 'hello', 'x', '😀', 'é', '\r\n', '\n', '中文', 'ab😀cd', '  ', 'Ω≈', '🎉🎉', 'z']
const keys = ['a', 'b', 'lang', 'k1', '2', '10', 'x y']

const randomValue = (r, depth = 0) => {
  switch (r.int(depth > 1 ? 6 : 9)) {
    case 0: return r.int(2000) - 1000
    case 1: return r.pick([0.5, -0.25, 1.1, 3.14159, 1e21, 2 ** 31, -(2 ** 40), 0.1 + 0.2])
    case 2: return r.pick(texts)
    case 3: return r.bool()
    case 4: return null
    case 5: return new Uint8Array([r.int(256), r.int(256)])
    case 6: return { n: r.int(10), s: r.pick(texts), arr: [1, 'two', null] }
    case 7: return [r.int(5), r.pick(texts), { deep: true }]
    default: return r.pick(texts) + r.int(100)
  }
}

/** All shared types of a doc, root ones and nested ones that are alive. */
const typesOf = (doc) => {
  const out = { text: [doc.getText('text')], map: [doc.getMap('meta')], array: [doc.getArray('list')] }
  const visit = (v) => {
    if (v instanceof Y.Text) out.text.push(v)
    else if (v instanceof Y.Map) { out.map.push(v); v.forEach(visit) }
    else if (v instanceof Y.Array) { out.array.push(v); v.forEach(visit) }
  }
  doc.getMap('meta').forEach(visit)
  doc.getArray('list').forEach(visit)
  return out
}

const newType = (r) => r.pick([() => new Y.Text(), () => new Y.Map(), () => new Y.Array()])()

const randomOp = (r, doc) => {
  const t = typesOf(doc)
  const k = r.int(10)
  if (k < 5) {
    const text = r.pick(t.text)
    if (text.length > 0 && r.bool(0.35)) {
      const i = r.int(text.length)
      text.delete(i, 1 + r.int(Math.min(4, text.length - i)))
    } else text.insert(r.int(text.length + 1), r.pick(texts))
  } else if (k < 7) {
    const map = r.pick(t.map)
    const key = r.pick(keys)
    if (r.bool(0.2)) map.delete(key)
    else if (r.bool(0.15)) map.set(key, newType(r))
    else map.set(key, randomValue(r))
  } else {
    const arr = r.pick(t.array)
    if (arr.length > 0 && r.bool(0.3)) {
      const i = r.int(arr.length)
      arr.delete(i, 1 + r.int(Math.min(3, arr.length - i)))
    } else {
      const content = r.bool(0.15) ? [newType(r)] : Array.from({ length: 1 + r.int(3) }, () => randomValue(r))
      arr.insert(r.int(arr.length + 1), content)
    }
  }
}

const clientIdFor = (r, i) => r.pick([
  () => i + 1,
  () => 1000 + r.int(100000),
  () => Math.floor(r.next() * 2 ** 32),
  () => Math.floor(r.next() * 2 ** 53),
])()

const jsonOf = (doc) => JSON.stringify({
  text: doc.getText('text').toJSON(),
  meta: doc.getMap('meta').toJSON(),
  list: doc.getArray('list').toJSON(),
})

export const session = (seed) => {
  const r = prng(seed)
  const n = 2 + r.int(4)
  const docs = []
  const updates = []
  const used = new Set()
  for (let i = 0; i < n; i++) {
    let id = clientIdFor(r, i)
    while (used.has(id)) id++
    used.add(id)
    const doc = new Y.Doc({ guid: 'g' })
    doc.clientID = id
    doc.on('update', (u, origin) => { if (origin !== 'sync') updates.push(u) })
    const undo = new Y.UndoManager([doc.getText('text'), doc.getArray('list')], { captureTimeout: 0 })
    docs.push({ doc, undo, seen: 0 })
  }
  const steps = 5 + r.int(30)
  for (let s = 0; s < steps; s++) {
    const c = r.pick(docs)
    if (r.bool(0.08) && c.undo.undoStack.length > 0) c.undo.undo()
    else if (r.bool(0.25)) c.doc.transact(() => { for (let j = 1 + r.int(4); j > 0; j--) randomOp(r, c.doc) })
    else randomOp(r, c.doc)
    if (r.bool(0.3)) {
      // this client catches up with a random prefix of everything written so far
      const upto = c.seen + r.int(updates.length - c.seen + 1)
      for (let j = c.seen; j < upto; j++) Y.applyUpdate(c.doc, updates[j], 'sync')
      c.seen = upto
    }
  }
  // delivery: shuffled, some duplicated, some held back to the end
  const delivery = updates.map((_, i) => i)
  for (let i = delivery.length - 1; i > 0; i--) {
    if (r.bool(0.6)) { const j = r.int(i + 1); [delivery[i], delivery[j]] = [delivery[j], delivery[i]] }
  }
  for (let i = 0; i < updates.length; i++) if (r.bool(0.1)) delivery.splice(r.int(delivery.length + 1), 0, i)
  const late = delivery.filter(() => r.bool(0.1))
  const order = delivery.filter((x) => !late.includes(x)).concat(late)
  const mid = r.int(order.length + 1)

  const receiver = new Y.Doc({ guid: 'g' })
  receiver.clientID = 7
  let midState, midJson, midSv
  for (let i = 0; i < order.length; i++) {
    if (i === mid) { midState = Y.encodeStateAsUpdate(receiver); midJson = jsonOf(receiver); midSv = Y.encodeStateVector(receiver) }
    Y.applyUpdate(receiver, updates[order[i]])
  }
  if (mid === order.length) { midState = Y.encodeStateAsUpdate(receiver); midJson = jsonOf(receiver); midSv = Y.encodeStateVector(receiver) }
  const stuck = receiver.store.pendingStructs !== null || receiver.store.pendingDs !== null
  let final = receiver
  if (stuck) {
    // yjs left a fully delivered set pending: expect what yjs gives in creation order instead
    final = new Y.Doc({ guid: 'g' })
    final.clientID = 7
    updates.forEach((u) => Y.applyUpdate(final, u))
  }
  return {
    seed,
    updates: updates.map(b64),
    delivery: order,
    mid,
    stuck,
    expected: {
      json: jsonOf(final),
      state: b64(Y.encodeStateAsUpdate(final)),
      sv: b64(Y.encodeStateVector(final)),
      midJson,
      midState: b64(midState),
      diff: b64(Y.encodeStateAsUpdate(final, midSv)),
      midSv: b64(midSv),
    },
  }
}

if (process.argv[1] && process.argv[1].endsWith('generate.mjs')) {
  const [out, first, count] = process.argv.slice(2)
  const lines = []
  for (let s = Number(first); s < Number(first) + Number(count); s++) lines.push(JSON.stringify(session(s)))
  fs.writeFileSync(out, lines.join('\n') + '\n')
}
