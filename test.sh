#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, runs the .NET test projects and the browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
dotnet build Interview.sln -c Release -nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# One test project at a time: the sandbox tests measure real time limits and should not compete for the CPU.
dotnet test Interview.sln -c Release --no-build -nologo -m:1 2>&1 | tee "$log" || status=1
node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/ 2>&1 | tee -a "$log" || status=1

# One summary line over both runners (dotnet: "Passed: N", node: "# pass N").
passed=$(awk '/Passed: *[0-9]+/ { match($0, /Passed: *[0-9]+/); split(substr($0, RSTART, RLENGTH), a, ":"); n += a[2] }
              /^# pass [0-9]+/ { n += $3 } END { print n + 0 }' "$log")
failed=$(awk '/Failed: *[0-9]+/ { match($0, /Failed: *[0-9]+/); split(substr($0, RSTART, RLENGTH), a, ":"); n += a[2] }
              /^# fail [0-9]+/ { n += $3 } END { print n + 0 }' "$log")
# The names of failed tests again at the very end, where a truncated log still shows them.
awk '/^ *Failed [A-Za-z_][A-Za-z0-9_.]*/ || /^not ok / { sub(/^ */, ""); print "failed: " $0; want = 1; next }
     want && /Error Message:/ { getline; sub(/^ */, ""); print "  " substr($0, 1, 300); want = 0 }' "$log"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
