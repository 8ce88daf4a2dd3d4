// Writes the Duration element into a WebM file's Segment Info. MediaRecorder streams WebM as it goes, so the file
// it produces has no duration (players report Infinity and cannot seek). Only the head of the file is read and
// rewritten; the clusters after Info are passed through untouched.
//
// EBML in brief: element := id • size • data. The id is a variable-length integer kept with its length marker
// (Segment 0x18538067, Info 0x1549A966, TimecodeScale 0x2AD7B1, Duration 0x4489); the size is a variable-length
// integer without the marker, all ones meaning "unknown". Duration is a float in TimecodeScale units (default
// 1,000,000 ns = 1 ms).

const ID = Object.freeze({ EBML: 0x1a45dfa3, Segment: 0x18538067, Info: 0x1549a966, SeekHead: 0x114d9b74, TimecodeScale: 0x2ad7b1, Duration: 0x4489 });
const HEAD_BYTES = 64 * 1024;

/** Returns `blob` with its duration set to `durationMs`, or `blob` itself when it is not a WebM it understands. */
export async function fixWebmDuration(blob, durationMs) {
  const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  const patched = patchHead(head, durationMs);
  if (!patched) return blob;
  return new Blob([patched.bytes, blob.slice(patched.consumed)], { type: blob.type });
}

/** { bytes, consumed }: the rewritten head for the first `consumed` bytes of the file, or null. */
export function patchHead(head, durationMs) {
  let pos = 0;
  const ebml = readElement(head, pos);
  if (!ebml || ebml.id !== ID.EBML) return null;
  pos = ebml.dataEnd;
  const segment = readElement(head, pos);
  if (!segment || segment.id !== ID.Segment) return null;
  for (pos = segment.dataStart; pos < head.length;) {
    const el = readElement(head, pos);
    if (!el || el.dataEnd > head.length) return null;
    if (el.id === ID.SeekHead) return null; // positions after Info would move; MediaRecorder writes none
    if (el.id === ID.Info) return rewriteInfo(head, segment, el, durationMs);
    pos = el.dataEnd;
  }
  return null;
}

function rewriteInfo(head, segment, info, durationMs) {
  let scale = 1_000_000;
  const children = [];
  for (let pos = info.dataStart; pos < info.dataEnd;) {
    const el = readElement(head, pos);
    if (!el) return null;
    if (el.id === ID.TimecodeScale) scale = readUint(head, el.dataStart, el.dataEnd - el.dataStart);
    if (el.id !== ID.Duration) children.push(head.subarray(pos, el.dataEnd));
    pos = el.dataEnd;
  }
  const duration = new Uint8Array(11);
  duration.set([0x44, 0x89, 0x88]); // Duration, size 8
  new DataView(duration.buffer).setFloat64(3, (durationMs * 1_000_000) / scale);
  const body = concat([...children, duration]);
  const infoHeader = concat([new Uint8Array([0x15, 0x49, 0xa9, 0x66]), sizeVint8(body.length)]);
  const before = head.slice(0, info.start);
  if (!segment.unknownSize) {
    // A known Segment size grows by the bytes Info grew; rewrite it in place with the same width.
    const grown = segment.size + (infoHeader.length + body.length) - (info.dataEnd - info.start);
    if (!writeVintInPlace(before, segment.sizeStart, segment.dataStart - segment.sizeStart, grown)) return null;
  }
  return { bytes: concat([before, infoHeader, body]), consumed: info.dataEnd };
}

/** { id, start, sizeStart, size, unknownSize, dataStart, dataEnd } of the element at `pos`, or null. */
export function readElement(bytes, pos) {
  const idLen = vintLength(bytes[pos]);
  if (!idLen || pos + idLen > bytes.length) return null;
  let id = 0;
  for (let i = 0; i < idLen; i++) id = id * 256 + bytes[pos + i];
  const sizeStart = pos + idLen;
  const sizeLen = vintLength(bytes[sizeStart]);
  if (!sizeLen || sizeStart + sizeLen > bytes.length) return null;
  let size = bytes[sizeStart] & (0xff >> sizeLen);
  let allOnes = size === (0xff >> sizeLen);
  for (let i = 1; i < sizeLen; i++) {
    size = size * 256 + bytes[sizeStart + i];
    allOnes &&= bytes[sizeStart + i] === 0xff;
  }
  const dataStart = sizeStart + sizeLen;
  return { id, start: pos, sizeStart, size, unknownSize: allOnes, dataStart, dataEnd: allOnes ? Infinity : dataStart + size };
}

function vintLength(first) {
  if (first === undefined || first === 0) return 0;
  let len = 1;
  for (let mask = 0x80; !(first & mask); mask >>= 1) len++;
  return len;
}

function readUint(bytes, start, len) {
  let v = 0;
  for (let i = 0; i < len; i++) v = v * 256 + bytes[start + i];
  return v;
}

function sizeVint8(n) {
  const out = new Uint8Array(8);
  out[0] = 0x01;
  for (let i = 7, v = n; i >= 1; i--, v = Math.floor(v / 256)) out[i] = v & 0xff;
  return out;
}

function writeVintInPlace(bytes, at, len, value) {
  if (value >= 2 ** (7 * len) - 1) return false;
  for (let i = len - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) bytes[at + i] = v & 0xff;
  bytes[at] |= 0x80 >> (len - 1);
  return true;
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Reads the Duration (ms) back, for tests: null when absent. */
export function readDurationMs(head) {
  const ebml = readElement(head, 0);
  const segment = ebml && readElement(head, ebml.dataEnd);
  if (!segment) return null;
  for (let pos = segment.dataStart; pos < head.length;) {
    const el = readElement(head, pos);
    if (!el) return null;
    if (el.id === ID.Info) {
      let scale = 1_000_000, duration = null;
      for (let p = el.dataStart; p < el.dataEnd;) {
        const c = readElement(head, p);
        if (c.id === ID.TimecodeScale) scale = readUint(head, c.dataStart, c.dataEnd - c.dataStart);
        if (c.id === ID.Duration) {
          const view = new DataView(head.buffer, head.byteOffset + c.dataStart, c.size);
          duration = c.size === 4 ? view.getFloat32(0) : view.getFloat64(0);
        }
        p = c.dataEnd;
      }
      return duration === null ? null : (duration * scale) / 1_000_000;
    }
    pos = el.dataEnd;
  }
  return null;
}
