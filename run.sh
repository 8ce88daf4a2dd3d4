#!/usr/bin/env bash
# Runs Interview: installs what is missing, builds, and starts the web host (Production) on http://127.0.0.1:${PORT:-5000}.
# Data lives in INTERVIEW_DATA_DIR (default ./data).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
dotnet build src/Interview.Web -c Release -nologo -v quiet -clp:ErrorsOnly
url="http://${HOST:-127.0.0.1}:${PORT:-5000}"
export INTERVIEW_DATA_DIR="${INTERVIEW_DATA_DIR:-$PWD/data}"
echo "Interview is starting at $url (data in $INTERVIEW_DATA_DIR)"
exec dotnet run --project src/Interview.Web -c Release --no-build --no-launch-profile --urls "$url"
