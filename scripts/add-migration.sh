#!/usr/bin/env bash
# Adds an EF Core migration for both providers (SQLite and PostgreSQL keep separate migrations).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/add-migration.sh <Name>" >&2; exit 2; }
cd "$(dirname "$0")/../src/CommunityBot"
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --context SqliteAppDbContext --output-dir Storage/Migrations/Sqlite
dotnet ef migrations add "$1" --context PostgresAppDbContext --output-dir Storage/Migrations/PostgreSql
