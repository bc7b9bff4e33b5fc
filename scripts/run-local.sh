#!/usr/bin/env bash
# Runs the bot on the embedded default (SQLite file under src/CommunityBot/data, in-memory Hangfire,
# no auth on loopback, demo tenant) and the Agents Playground pointed at it. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
bot_port=${BOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}

scripts/install-tools.sh
dotnet build src/CommunityBot --nologo -v quiet

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

(cd src/CommunityBot && ASPNETCORE_ENVIRONMENT=Development exec dotnet run --no-build --no-launch-profile --urls "http://127.0.0.1:$bot_port") &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$bot_port/health/live" >/dev/null 2>&1 && break
  sleep 1
done

mkdir -p .playground
(cd .playground && TEAMSAPPTESTER_BROWSER=none exec node ../tools/node/node_modules/@microsoft/m365agentsplayground/cli.js \
  -e "http://127.0.0.1:$bot_port/api/messages" -c msteams --dt -p "$playground_port") &
pids+=($!)

echo
echo "CommunityBot listens on http://127.0.0.1:$bot_port/api/messages"
echo "Open the Agents Playground (Teams) at  http://localhost:$playground_port  and type 'help'."
echo "Hangfire dashboard: http://127.0.0.1:$bot_port/hangfire   Ctrl-C stops everything."
wait
