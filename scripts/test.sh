#!/usr/bin/env bash
# Installs what the tests need, runs every test project, and prints the totals as one line:
# "N passed, N failed[, N skipped]". Exits non-zero when a test failed or nothing ran.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh || exit 1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet build CommunityBot.sln --nologo -v quiet -warnaserror || exit 1
dotnet test --solution CommunityBot.sln --no-build --results-directory "$results" --report-trx
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
