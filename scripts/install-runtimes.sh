#!/usr/bin/env bash
# Installs bubblewrap and every language runtime the sandbox knows (src/Interview.Sandbox/languages/*).
# Run as root on Debian 12. Idempotent: when everything is present it only queries dpkg and exits in about a second.
# `apt-get update` runs at most once, and only when a package is missing.
set -euo pipefail

# Debian packages: the sandbox binds /usr read-only, so everything lives under /usr (no ~/.cargo, no pyenv).
packages=(
  bubblewrap            # the isolation tool itself
  python3               # python
  gcc g++ libc6-dev     # c, cpp
  openjdk-17-jdk-headless  # java
  golang-go             # go
  rustc                 # rust (Debian's, so it is under /usr/bin, not ~/.cargo)
  ruby                  # ruby
  php-cli               # php
)
# TypeScript compiler and Node's type declarations: pinned, in a fixed prefix outside the repository.
ts_version=5.6.3
types_node_version=20.19.43
ts_prefix=/opt/interview/typescript

if [[ $(id -u) -ne 0 ]]; then
  echo "install-runtimes.sh: must run as root" >&2
  exit 1
fi

# run.sh and test.sh may both call this at once: one installer at a time.
exec 9>/var/lock/interview-install-runtimes.lock
flock 9

# One dpkg query for all packages; a package that is absent or not fully installed counts as missing.
installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for p in "${packages[@]}"; do
  grep -qx "$p installed" <<<"$installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
  echo "install-runtimes.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

installed_version() { sed -n 's/^ *"version": "\(.*\)",$/\1/p' "$ts_prefix/node_modules/$1/package.json" 2>/dev/null | head -n1; }
if [[ $(installed_version typescript) != "$ts_version" || $(installed_version @types/node) != "$types_node_version" ]]; then
  echo "install-runtimes.sh: installing typescript $ts_version and @types/node $types_node_version in $ts_prefix"
  mkdir -p "$ts_prefix"
  npm install --prefix "$ts_prefix" --no-audit --no-fund --loglevel=error \
    "typescript@$ts_version" "@types/node@$types_node_version" >/dev/null
fi

# The sandbox uses cgroup v1 controllers (memory, pids, cpuacct, freezer) or a writable cgroup v2 tree.
if [[ ! -w /sys/fs/cgroup/memory && ! -w /sys/fs/cgroup/cgroup.subtree_control && ! -w /sys/fs/cgroup/unified/cgroup.subtree_control ]]; then
  echo "install-runtimes.sh: warning: no writable cgroup hierarchy found; the sandbox will refuse to run" >&2
fi
