// Every kind of content yjs can produce, for the lossless decode/re-encode test.
// usage: node kinds.mjs  → prints { updates: [b64 per transaction], state: b64, text, delta }
import * as Y from 'yjs'
import { b64 } from './random.mjs'

const doc = new Y.Doc({ guid: 'g' })
doc.clientID = 2 ** 53 - 1
const updates = []
doc.on('update', (u) => updates.push(b64(u)))
const text = doc.getText('rich')
text.insert(0, 'hello world')
text.format(0, 5, { bold: true })
text.insert(5, ' dear', { italic: true, color: '#f00' })
text.insertEmbed(3, { image: 'x.png' })
text.format(2, 4, { bold: null })
const map = doc.getMap('kinds')
map.set('bytes', new Uint8Array([1, 2, 3]))
map.set('any', { n: 1, f: 0.25, big: 2 ** 40, neg: -7, s: 'ß', arr: [true, false, null], nested: { x: [] } })
map.set('sub', new Y.Doc({ guid: 'sub-guid', meta: { title: 't' } }))
map.set('sub2', new Y.Doc({ guid: 'sub-guid-2', gc: false, autoLoad: true }))
const frag = doc.getXmlFragment('xml')
const el = new Y.XmlElement('p')
frag.insert(0, [el, new Y.XmlText('tail')])
el.setAttribute('class', 'c1')
el.insert(0, [new Y.XmlText('inner'), new Y.XmlHook('hook-name')])
const arr = doc.getArray('arr')
arr.insert(0, [1, 'two', new Uint8Array([9]), new Y.Map(), new Y.Text('prelim text')])
arr.delete(1, 1)
console.log(JSON.stringify({ updates, state: b64(Y.encodeStateAsUpdate(doc)), text: text.toString(), delta: text.toDelta() }))
