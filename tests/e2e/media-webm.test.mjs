// The WebM duration fix (wwwroot/src/recording/webm-duration.js) on hand-made EBML, byte by byte. No browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patchHead, readDurationMs, readElement } from '../../wwwroot/src/recording/webm-duration.js';

const flatten = (x) => (typeof x === 'number' ? [x] : [...x].flatMap(flatten));
const bytes = (...parts) => Uint8Array.from(flatten(parts));
const ebmlHeader = bytes(/* EBML */ 0x1a, 0x45, 0xdf, 0xa3, /* size 4 */ 0x84, /* DocType-ish payload */ 0x42, 0x82, 0x81, 0x77);
const timecodeScale = bytes(/* TimecodeScale */ 0x2a, 0xd7, 0xb1, /* size 3 */ 0x83, /* 1,000,000 */ 0x0f, 0x42, 0x40);
const muxingApp = bytes(/* MuxingApp */ 0x4d, 0x80, /* size 2 */ 0x82, 0x43, 0x68);
const info = (...children) => bytes(/* Info */ 0x15, 0x49, 0xa9, 0x66, /* size */ 0x80 | flatten(children).length, ...children);
const cluster = bytes(/* Cluster */ 0x1f, 0x43, 0xb6, 0x75, /* unknown size */ 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xe7, 0x81, 0x00);
const unknownSegment = (...body) => bytes(/* Segment */ 0x18, 0x53, 0x80, 0x67, /* unknown size */ 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...body);

function apply(file, durationMs) {
  const patched = patchHead(file, durationMs);
  assert.ok(patched, 'patched');
  return bytes([...patched.bytes], [...file.subarray(patched.consumed)]);
}

test('MediaRecorder-shaped WebM (unknown sizes, no Duration) gets a float64 Duration in Info; clusters untouched', () => {
  const file = bytes([...ebmlHeader], [...unknownSegment(...info(timecodeScale, muxingApp), ...cluster)]);
  assert.equal(readDurationMs(file), null);
  const fixed = apply(file, 3041.5);
  assert.equal(readDurationMs(fixed), 3041.5);
  assert.deepEqual([...fixed.subarray(fixed.length - cluster.length)], [...cluster]);
  // Info is rewritten with an 8-byte size: 0x01 then 7 bytes = 7 (TimecodeScale) + 5 (MuxingApp) + 11 (Duration).
  const infoAt = ebmlHeader.length + 12;
  assert.deepEqual([...fixed.subarray(infoAt, infoAt + 12)], [0x15, 0x49, 0xa9, 0x66, 0x01, 0, 0, 0, 0, 0, 0, 23]);
});

test('an existing Duration is replaced, and a known Segment size grows by what Info grew', () => {
  const oldDuration = bytes(0x44, 0x89, 0x84, 0x00, 0x00, 0x00, 0x00); // float32 0
  const body = [...info(timecodeScale, oldDuration), ...cluster];
  assert.ok(body.length < 256);
  const file = bytes(ebmlHeader, 0x18, 0x53, 0x80, 0x67, /* size, 2-byte vint */ 0x40, body.length, body);
  const fixed = apply(file, 1000);
  assert.equal(readDurationMs(fixed), 1000);
  const segment = readElement(fixed, ebmlHeader.length);
  assert.equal(segment.dataEnd, fixed.length, 'Segment size covers exactly the rest of the file');
});

test('a non-default TimecodeScale is honoured', () => {
  const scale = bytes(0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40).map((b, i) => (i >= 4 ? [0x00, 0x27, 0x10][i - 4] : b)); // 10,000 ns
  const fixed = apply(bytes([...ebmlHeader], [...unknownSegment(...info(scale), ...cluster)]), 2500);
  assert.equal(readDurationMs(fixed), 2500);
});

test('something that is not WebM is left alone', () => {
  assert.equal(patchHead(bytes(0x00, 0x01, 0x02), 10), null);
  assert.equal(patchHead(new TextEncoder().encode('RIFF....WAVE'), 10), null);
});
