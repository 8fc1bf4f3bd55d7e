#!/usr/bin/env bash
# Adds a migration named $1 for every module context on every provider (SQLite, SQL Server, PostgreSQL).
# Usage: scripts/add-migration.sh <Name> [Module ...]   (modules default to all, plus the host's Access context)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?migration name}; shift || true
modules=${*:-"Access Orders Inventory Compliance Payments Fulfillment Shipping Notifications"}
dotnet tool restore >/dev/null
if ! out=$(dotnet build src/OrderHub.Web -v q -nologo 2>&1); then echo "$out" | grep -E " error " | sort -u; exit 1; fi
for m in $modules; do
  if [ "$m" = Access ]; then project=src/OrderHub.Web; dir=Access/Migrations
  else project=src/Modules/$m/OrderHub.Modules.$m; dir=Persistence/Migrations; fi
  for p in Sqlite SqlServer PostgreSql; do
    echo "== $m / $p"
    dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
      --context "${p}${m}DbContext" --output-dir "$dir/$p" >/dev/null
  done
done
