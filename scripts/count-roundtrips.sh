#!/usr/bin/env bash
# Database commands (round trips) per placed order, for one or more builds: each tree's Release host on its own database
# of a running PostgreSQL (PGPORT, default 55440, role orderhub/orderhub), 2 clients for 15 s after a 10 s warm-up, and
# Npgsql's command counter (dotnet-counters, EventCounters\Npgsql) over the window and the drain after it, divided by the
# orders placed. Used for issue 20 to rule out "more round trips" (2026-12-06: 36.1 before, 35.4 after).
# Usage (as root, trees built in Release): scripts/count-roundtrips.sh /path/to/tree [/path/to/other-tree ...]
set -u
PGP=${PGPORT:-55440}; KEY=rt-key-0123456789abcdef
for tree in "$@"; do
  name=$(basename $tree | tr '-' '_')
  runuser -u postgres -- /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p $PGP -U postgres -qAt -c "DROP DATABASE IF EXISTS rt_$name WITH (FORCE)" -c "CREATE DATABASE rt_$name OWNER orderhub"
  port=$((30000 + RANDOM % 20000))
  dll=$tree/src/OrderHub.Web/bin/Release/net10.0/OrderHub.Web.dll
  ( cd $(dirname $dll); export ASPNETCORE_ENVIRONMENT=Production OrderHub__Database__Provider=PostgreSql \
      OrderHub__Database__ConnectionString="Host=127.0.0.1;Port=$PGP;Database=rt_$name;Username=orderhub;Password=orderhub" \
      OrderHub__Database__MigrateOnStartup=true OrderHub__DemoData__Enabled=true OrderHub__Bootstrap__ApiKey=$KEY \
      OrderHub__Shipping__TrackingWebhookSecret=bench-tracking-secret-0123 OrderHub__Shipping__Carriers__UPS__AlcoholAgreement=true \
      OrderHub__Shipping__Carriers__FedEx__AlcoholAgreement=true OrderHub__Payments__Gateway=Test Serilog__MinimumLevel__Default=Warning
    exec dotnet $dll --urls http://127.0.0.1:$port ) > /tmp/rt-$name.log 2>&1 &
  pid=$!
  for i in $(seq 240); do curl -fsS http://127.0.0.1:$port/health/ready >/dev/null 2>&1 && break; sleep 0.5; done
  dotnet $tree/bench/OrderHub.LoadTest/bin/Release/net10.0/OrderHub.LoadTest.dll --url http://127.0.0.1:$port --api-key $KEY --receive 1000000 >/dev/null
  # warm up (not counted)
  dotnet $tree/bench/OrderHub.LoadTest/bin/Release/net10.0/OrderHub.LoadTest.dll --url http://127.0.0.1:$port --api-key $KEY --concurrency 2 --duration 10 --warmup 0 --label warm --respond-async 0 > /dev/null 2>&1
  sleep 15
  p0=$(runuser -u postgres -- /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p $PGP -U postgres -d rt_$name -qAt -c "SELECT count(*) FROM orders.\"Orders\"")
  ~/.dotnet/tools/dotnet-counters collect -p $pid --counters 'EventCounters\Npgsql' --format csv --duration 00:00:00:50 -o /tmp/rt-$name-counters.csv >/dev/null 2>&1 &
  cpid=$!; sleep 3
  dotnet $tree/bench/OrderHub.LoadTest/bin/Release/net10.0/OrderHub.LoadTest.dll --url http://127.0.0.1:$port --api-key $KEY --concurrency 2 --duration 15 --warmup 0 --label rt --respond-async 0 > /tmp/rt-$name-load.log 2>&1
  wait $cpid
  p1=$(runuser -u postgres -- /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p $PGP -U postgres -d rt_$name -qAt -c "SELECT count(*) FROM orders.\"Orders\"")
  pending=$(runuser -u postgres -- /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p $PGP -U postgres -d rt_$name -qAt -c "SELECT count(*) FROM orders.\"OutboxMessages\" WHERE \"ProcessedAt\" IS NULL")
  cmds=$(python3 -c "
import csv
t=0
for r in list(csv.reader(open('/tmp/rt-$name-counters.csv')))[1:]:
    if r[2].startswith('Command Rate'): t+=float(r[4])
print(int(t))")
  echo "$name: orders $((p1 - p0)), Npgsql commands $cmds, per order $(python3 -c "print(round($cmds/max(1,$p1-$p0),1))"), orders outbox pending after $pending"
  kill $pid; wait $pid 2>/dev/null
done
