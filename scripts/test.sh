#!/usr/bin/env bash
# Installs what the tests need, runs every test project, and prints the totals as one line:
# "N passed, N failed[, N skipped]". Exits non-zero when a test failed or nothing ran.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh tests || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build CommunityBot.sln --nologo -v quiet -warnaserror || exit 1
dotnet test --solution CommunityBot.sln --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform ends with "Test run summary" and lines "  failed: N", "  succeeded: N", "  skipped: N".
count() { sed -n "/Test run summary/,\$ s/^ *$1: *\([0-9][0-9]*\).*/\1/p" "$log" | tail -n 1; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
