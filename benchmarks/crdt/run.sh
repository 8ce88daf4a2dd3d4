#!/usr/bin/env bash
# CRDT benchmark: Interview.Crdt against yjs 13.6 on node, in the same run, several rounds alternating.
#   benchmarks/crdt/run.sh [ROUNDS]   (default 5)
# Prints each round, then medians and ratios (yjs time / our time: above 1 means we are faster).
# B4 = traces/automerge-paper replay through the contract verb `interview crdt trace` (a fresh process: JIT
# start-up included) against a node replay of the same trace; then in-process workloads: final-state load,
# B1 (6000 appends), B2 (two clients, 6000 random inserts each, sync), B3 (100 clients set map keys).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${1:-5}"
TRACE="${TRACE:-../shared/traces/automerge-paper.json.gz}"
[ -f "$TRACE" ] || TRACE=/work/shared/traces/automerge-paper.json.gz
[ -d node_modules/yjs ] || npm ci --no-audit --no-fund >/dev/null
dotnet build src/Interview.Cli -c Release -v q -nologo >/dev/null
dotnet build benchmarks/crdt/Interview.Crdt.Benchmarks -c Release -v q -nologo >/dev/null
CLI=src/Interview.Cli/bin/Release/net10.0/interview.dll
BENCH=benchmarks/crdt/Interview.Crdt.Benchmarks/bin/Release/net10.0/Interview.Crdt.Benchmarks.dll
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
echo "nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) dotnet=$(dotnet --version) node=$(node --version)"
for r in $(seq 1 "$ROUNDS"); do
  ours=$(dotnet "$CLI" crdt trace "$TRACE")
  theirs=$(node benchmarks/crdt/yjs-bench.mjs "$TRACE" trace-only)
  echo "round $r  interview: $ours  yjs: $theirs"
  echo "B4 $ours $theirs" >> "$OUT"
  oursFull=$(dotnet "$BENCH" "$TRACE" 1)
  theirsFull=$(node benchmarks/crdt/yjs-bench.mjs "$TRACE")
  echo "         in-process  interview: $oursFull"
  echo "         in-process  yjs:       $theirsFull"
  echo "FULL $oursFull $theirsFull" >> "$OUT"
done
node - "$OUT" <<'JS'
const fs = require('fs')
const lines = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n')
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)] }
const b4 = lines.filter(l => l.startsWith('B4 ')).map(l => { const [, o, t] = l.match(/^B4 (\{.*?\}) (\{.*\})$/); return [JSON.parse(o), JSON.parse(t)] })
const full = lines.filter(l => l.startsWith('FULL ')).map(l => { const [, o, t] = l.match(/^FULL (\{.*?\}) (\{.*\})$/); return [JSON.parse(o), JSON.parse(t)] })
const o = med(b4.map(x => x[0].ms)), y = med(b4.map(x => x[1].traceMs))
console.log(`\nB4 automerge-paper (median of ${b4.length}): interview crdt trace ${o.toFixed(0)} ms, yjs ${y.toFixed(0)} ms, ratio ${(y / o).toFixed(2)}x`)
console.log(`   encoded size: interview ${b4[0][0].updateBytes} bytes, yjs ${b4[0][1].updateBytes} bytes${b4[0][0].updateBytes === b4[0][1].updateBytes ? ' (identical)' : ' (DIFFERENT)'}`)
for (const [k, label] of [['traceMs', 'B4 in-process replay'], ['loadMs', 'load final state'], ['b1Ms', 'B1 6000 appends'], ['b2Ms', 'B2 2x6000 random inserts + sync'], ['b3Ms', 'B3 100 clients map set']]) {
  const a = med(full.map(x => x[0][k])), b = med(full.map(x => x[1][k]))
  console.log(`   ${label.padEnd(34)} interview ${a.toFixed(1).padStart(8)} ms   yjs ${b.toFixed(1).padStart(8)} ms   ratio ${(b / a).toFixed(2)}x`)
}
console.log(`   memory after B4: interview managed heap ${med(full.map(x => x[0].heapMB)).toFixed(1)} MB (allocated ${med(full.map(x => x[0].allocatedMB)).toFixed(0)} MB), yjs heapUsed delta ${med(full.map(x => x[1].heapMB)).toFixed(1)} MB`)
JS
