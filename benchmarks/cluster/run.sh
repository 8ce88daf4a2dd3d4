#!/usr/bin/env bash
# Cluster benchmarks: builds what they need, then prints one JSON line per benchmark (recorded in
# docs/benchmarks.md, "Cluster"). Needs root (sandbox workers), redis-server and postgresql (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run --silent build
dotnet build src/Interview.Web -c Release -nologo -v quiet -clp:ErrorsOnly
# 5,000 hub connections: a socket each in this process and in the node, plus the node's own files.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -ge 12000 ] || { echo "ulimit -n is $(ulimit -n): the connection benchmark needs 12000" >&2; exit 1; }
exec node benchmarks/cluster/run.mjs "$@"
