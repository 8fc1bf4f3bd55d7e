#!/usr/bin/env bash
# Writes idempotent SQL migration scripts for production (SQL Server and PostgreSQL) to artifacts/sql/.
# Usage: scripts/migration-scripts.sh [SqlServer|PostgreSql ...]
set -euo pipefail
cd "$(dirname "$0")/.."
providers=${*:-"SqlServer PostgreSql"}
out=artifacts/sql; mkdir -p "$out"
dotnet tool restore >/dev/null
dotnet build src/OrderHub.Web -v q -nologo >/dev/null
for p in $providers; do
  for m in Access Orders Inventory Compliance Payments Fulfillment Shipping Notifications; do
    if [ "$m" = Access ]; then project=src/OrderHub.Web; else project=src/Modules/$m/OrderHub.Modules.$m; fi
    dotnet ef migrations script --idempotent --no-build --project "$project" --startup-project "$project" \
      --context "${p}${m}DbContext" --output "$out/$p-$m.sql" >/dev/null
    echo "$out/$p-$m.sql"
  done
done
