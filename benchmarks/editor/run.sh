#!/usr/bin/env bash
# Editor benchmarks: builds what they need, then prints one JSON line per benchmark (recorded in docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run --silent build
dotnet build src/Interview.Web -c Release -nologo -v quiet -clp:ErrorsOnly
node benchmarks/editor/propagation.mjs "$@"
node benchmarks/editor/fifty-editors.mjs
node benchmarks/editor/idle-room-memory.mjs
