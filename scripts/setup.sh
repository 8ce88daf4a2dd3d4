#!/usr/bin/env bash
# Installs whatever is missing to build, run and test Interview on Debian (as root): Debian packages (chromium and coturn
# for browser tests; bubblewrap and language runtimes via install-runtimes.sh), npm packages and the client
# bundle. Quick when everything is present. Used by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then echo "setup: missing Debian packages ${missing[*]}; run as root or install them" >&2; exit 1; fi
  if [ $apt_updated -eq 0 ]; then apt-get update -qq; apt_updated=1; fi
  echo "setup: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# coturn: the TURN server docs/operations.md describes; the browser tests start one on loopback (tests/e2e/media-turn.test.mjs).
# ffmpeg makes the watch-together tests' video clip at test time.
# redis-server: the cluster tests start one on loopback (tests/Interview.Web.Tests/Support/RedisServer.cs).
# postgresql: the storage and cluster tests start their own PostgreSQL 15 servers from its binaries (tests/Interview.Web.Tests/Support/PostgresServer.cs).
apt_install chromium fonts-liberation ca-certificates coturn ffmpeg redis-server postgresql
if [ -x scripts/install-runtimes.sh ]; then scripts/install-runtimes.sh; fi

# npm packages: reinstall when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# Client bundle: rebuild when any client source is newer than the bundle.
if [ ! -f wwwroot/dist/room.js ] || [ -n "$(find wwwroot/src wwwroot/build.mjs package-lock.json -newer wwwroot/dist/room.js -print -quit)" ]; then
  npm run --silent build
fi
