#!/usr/bin/env bash
# Adds a migration named $1 for every database provider (SQLite, PostgreSQL, SQL Server).
# Each provider has its own context subclass and migrations folder; see docs/adr/0001-one-dbcontext-per-provider.md.
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: scripts/add-migration.sh NAME" >&2
  exit 2
fi
name="$1"

cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

project=src/ApprovalFlow.Web
dotnet build "$project" -c Debug --nologo -v quiet

for pair in Sqlite:SqliteAppDbContext Postgres:PostgresAppDbContext SqlServer:SqlServerAppDbContext; do
  provider="${pair%%:*}"
  context="${pair##*:}"
  echo "== $provider: $name"
  dotnet tool run dotnet-ef migrations add "$name" \
    --project "$project" \
    --context "$context" \
    --output-dir "Data/Migrations/$provider" \
    --no-build
done
