#!/usr/bin/env bash
# Installs what the local run needs, and with "tests" what the tests need too, skipping what is already there:
# the Node tools (Agents Playground, Adaptive Cards renderer, Teams manifest schemas and their validator) from the
# committed lock file (the Bicep compiler for infra/ comes from NuGet with the build), and for the tests
# PostgreSQL (Debian package) for the scale-out tests, which start their own server with scripts/postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ "${1:-}" = "tests" ]; then
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need_apt+=(postgresql)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Please install: ${need_apt[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

stamp=tools/node/node_modules/.installed-lock
if [ ! -f "$stamp" ] || ! cmp -s tools/node/package-lock.json "$stamp"; then
  npm ci --prefix tools/node --no-audit --no-fund --loglevel=error
  cp tools/node/package-lock.json "$stamp"
fi
