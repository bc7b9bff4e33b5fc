#!/usr/bin/env bash
# Writes the Teams app package dist/communitybot-teams.zip from manifest/: the bot's app id and endpoint host from
# the Bicep deployment's outputs (--outputs FILE, as `az deployment group show ... --query properties.outputs`
# writes them) or from --app-id/--domain, and the version, publisher and its pages from the other options.
# README: "Deploy to a school group". Example:
#   scripts/package-app.sh --outputs outputs.json --version 1.0.0 --publisher "Scholengroep Sint-Jozef" \
#     --website https://www.example.be --privacy https://www.example.be/privacy --terms https://www.example.be/gebruik
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project tools/CommunityBot.Packaging -v quiet -- "$@"
