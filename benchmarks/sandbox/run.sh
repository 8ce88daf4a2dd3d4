#!/usr/bin/env bash
# Sandbox benchmarks (root, after scripts/install-runtimes.sh): python hello through the engine vs bare python
# (ratio, same process, interleaved), hello runs/s with every core busy, compile + run time per language.
# Usage: benchmarks/sandbox/run.sh [overhead] [throughput] [languages]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build benchmarks/sandbox -c Release -v quiet -nologo >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"
exec dotnet benchmarks/sandbox/bin/Release/net10.0/Interview.Sandbox.Benchmarks.dll "$@"
