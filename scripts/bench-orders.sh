#!/usr/bin/env bash
# Order placement through HTTP on PostgreSQL 15, beside a pgbench baseline of the same transaction shape.
# One command: throwaway PG cluster -> OrderHub host (Release) -> stock -> pgbench c16/c64 -> HTTP harness c16/c64,
# answering after the whole placement ("sync") and with Prefer: respond-async ("async": answered once stored and
# reserved, placement finished in the background and timed until drained)
# -> summary table (stdout + bench/results/orders-<utc>.csv) -> everything it started is stopped.
# Must run as root (runuser -u postgres). Knobs (env): DURATION=30 WARMUP=20 PGBENCH_T=20 CLIENTS="16 32 64"
#   MODES="sync async" PGBENCH_MODE=extended (protocol; Npgsql uses extended without auto-prepare) KEEP=1 (leave logs)
# WARMUP is 20 s because tiered JIT takes that long to settle on 2 busy cores (docs/performance.md, run 8).
set -euo pipefail
# The host runs with its GC heap capped, as a container memory limit would (docs/performance.md, "Host memory").
HOST_GC_HEAP_LIMIT=${HOST_GC_HEAP_LIMIT:-0x5000000}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=/usr/lib/postgresql/15/bin
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-20}
MODES=${MODES:-"sync async"}
PGBENCH_T=${PGBENCH_T:-20}
CLIENTS=${CLIENTS:-"16 32 64"}
PGBENCH_MODE=${PGBENCH_MODE:-extended}
API_KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$ROOT/bench/results"
OUT="$RESULTS/orders-$STAMP.csv"
RAW=$(mktemp -t bench-orders-raw.XXXXXX.csv)
mkdir -p "$RESULTS"

D=$(mktemp -d -t pgbench-orders.XXXXXX)
chown postgres: "$D"; chmod 700 "$D"
HOST_PID=""
PG_STARTED=""

cleanup() {
  set +e
  if [[ -n "$HOST_PID" ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill -TERM "$HOST_PID"; for _ in $(seq 50); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$HOST_PID" 2>/dev/null && kill -KILL "$HOST_PID"
  fi
  [[ -n "$PG_STARTED" ]] && runuser -u postgres -- "$B/pg_ctl" -D "$D/data" -m immediate stop >/dev/null 2>&1
  if [[ "${KEEP:-0}" == 1 ]]; then echo "logs kept in $D"; else rm -rf "$D"; fi
  rm -f "$RAW" "$RAW.http"
}
trap cleanup EXIT INT TERM

# CPU ticks (1/100 s) of the whole PostgreSQL cluster: postmaster (+ reaped children) + live backends.
pg_cpu_ticks() {
  local pm t=0 c
  pm=$(head -1 "$D/data/postmaster.pid")
  t=$(awk '{s=substr($0, index($0, ") ")+2); split(s, f, " "); print f[12]+f[13]+f[14]+f[15]}' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do
    t=$(( t + $(awk '{s=substr($0, index($0, ") ")+2); split(s, f, " "); print f[12]+f[13]}' "/proc/$c/stat" 2>/dev/null || echo 0) ))
  done
  echo "$t"
}
port_free() { ! ss -ltnH "sport = :$1" | grep -q .; }
free_port() {
  local p
  for _ in $(seq 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if port_free "$p" && ! "$B/pg_isready" -q -h 127.0.0.1 -p "$p"; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

echo "== building (Release): host and harness"
dotnet build "$ROOT/src/OrderHub.Web" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
dotnet build "$ROOT/bench/OrderHub.LoadTest" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
HOST_DLL="$ROOT/src/OrderHub.Web/bin/Release/net10.0/OrderHub.Web.dll"
HARNESS_DLL="$ROOT/bench/OrderHub.LoadTest/bin/Release/net10.0/OrderHub.LoadTest.dll"
[[ -f "$HOST_DLL" && -f "$HARNESS_DLL" ]] || { echo "build failed" >&2; exit 1; }

PGPORT=$(free_port)
echo "== PostgreSQL 15 on 127.0.0.1:$PGPORT ($D)"
runuser -u postgres -- "$B/initdb" -D "$D/data" -U postgres -A trust -E UTF8 --no-locale -N >/dev/null
# fsync/synchronous_commit off as in TOOLCHAIN.md §3 (throwaway cluster; same settings for pgbench and the host).
runuser -u postgres -- "$B/pg_ctl" -D "$D/data" -l "$D/pg.log" -w -o "-p $PGPORT -k $D -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" start >/dev/null
PG_STARTED=1
PSQL=(runuser -u postgres -- "$B/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
"${PSQL[@]}" -c "CREATE ROLE orderhub LOGIN PASSWORD 'orderhub' CREATEDB" -c "CREATE DATABASE orderhub OWNER orderhub" -c "CREATE DATABASE pgb"
"${PSQL[@]}" -d orderhub -c "CREATE EXTENSION pg_stat_statements"

HTTP_PORT=$(free_port)
# The demo journey ships wine: without the carriers' alcohol agreements its label purchases are refused and retried,
# and the outbox never drains.
echo "== OrderHub host (Release) on http://127.0.0.1:$HTTP_PORT"
(
  cd "$(dirname "$HOST_DLL")"
  export ASPNETCORE_ENVIRONMENT=Production \
    OrderHub__Database__Provider=PostgreSql \
    OrderHub__Database__ConnectionString="Host=127.0.0.1;Port=$PGPORT;Database=orderhub;Username=orderhub;Password=orderhub" \
    OrderHub__Database__MigrateOnStartup=true \
    OrderHub__DemoData__Enabled=true \
    OrderHub__Bootstrap__ApiKey="$API_KEY" \
    OrderHub__Shipping__TrackingWebhookSecret="bench-tracking-secret-0123" \
    OrderHub__Shipping__Carriers__UPS__AlcoholAgreement=true \
    OrderHub__Shipping__Carriers__FedEx__AlcoholAgreement=true \
    OrderHub__Payments__Gateway=Test \
    Serilog__MinimumLevel__Default=Warning \
    DOTNET_GCHeapHardLimit="$HOST_GC_HEAP_LIMIT"
  exec dotnet "$HOST_DLL" --urls "http://127.0.0.1:$HTTP_PORT"
) >"$D/host.log" 2>&1 &
HOST_PID=$!
for i in $(seq 240); do
  curl -fsS "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$HOST_PID" 2>/dev/null || { echo "host exited:"; tail -40 "$D/host.log"; exit 1; }
  sleep 0.5
  [[ $i == 240 ]] && { echo "host not ready after 120 s"; tail -40 "$D/host.log"; exit 1; }
done
echo "   ready (pid $HOST_PID, RSS $(awk '/VmRSS/{print int($2/1024)" MB"}' /proc/$HOST_PID/status))"

echo "== stock: 1,000,000 units per SKU at NAPA-WH"
dotnet "$HARNESS_DLL" --url "http://127.0.0.1:$HTTP_PORT" --api-key "$API_KEY" --receive 1000000

echo "== pgbench baseline (bench/pgbench/placement.sql, -M $PGBENCH_MODE, -T $PGBENCH_T)"
"${PSQL[@]}" -d pgb -f "$ROOT/bench/pgbench/schema.sql" >/dev/null
declare -A PGB_TPS PGB_CPU HTTP_PGCPU
for c in $CLIENTS; do
  t0=$(pg_cpu_ticks)
  out=$(runuser -u postgres -- "$B/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -M "$PGBENCH_MODE" -c "$c" -j 2 -T "$PGBENCH_T" \
        -f "$ROOT/bench/pgbench/placement.sql" pgb 2>&1)
  tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1)
  lat=$(sed -nE 's/^latency average = ([0-9.]+) ms/\1/p' <<<"$out" | head -1)
  failed=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' <<<"$out" | head -1)
  xacts=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' <<<"$out" | head -1)
  PGB_TPS[$c]=$(printf '%.1f' "$tps")
  PGB_CPU[$c]=$(awk -v t="$(( $(pg_cpu_ticks) - t0 ))" -v n="$xacts" 'BEGIN{printf "%.2f", n ? t*10/n : 0}')
  echo "   pgbench -c $c: ${PGB_TPS[$c]} tps, latency avg $lat ms, failed ${failed:-0}, PostgreSQL CPU ${PGB_CPU[$c]} ms/transaction"
done

for mode in $MODES; do
for c in $CLIENTS; do
  label="http-c$c"; async=0
  [[ "$mode" == async ]] && { label="http-async-c$c"; async=1; }
  echo "== HTTP harness ($mode): $c clients, ${WARMUP} s warm-up + ${DURATION} s"
  "${PSQL[@]}" -d orderhub -c "SELECT pg_stat_statements_reset()" >/dev/null
  t0=$(pg_cpu_ticks)
  dotnet "$HARNESS_DLL" --url "http://127.0.0.1:$HTTP_PORT" --api-key "$API_KEY" --concurrency "$c" \
    --duration "$DURATION" --warmup "$WARMUP" --pid "$HOST_PID" --label "$label" --csv "$RAW.http" --respond-async "$async"
  t1=$(pg_cpu_ticks)
  placed=$("${PSQL[@]}" -d orderhub -c "SELECT count(*) FROM orders.\"Orders\" WHERE \"ExternalReference\" LIKE 'LT-%'")
  prev=${PLACED_BEFORE:-0}; PLACED_BEFORE=$placed
  HTTP_PGCPU[$label]=$(awk -v t="$(( t1 - t0 ))" -v n="$(( placed - prev ))" 'BEGIN{printf "%.2f", n ? t*10/n : 0}')
  echo "   PostgreSQL CPU ${HTTP_PGCPU[$label]} ms per placed order (warm-up and drains included, $(( placed - prev )) orders)"
  # Statements the host ran during this run (warm-up included), for docs/performance.md "where the time goes".
  "${PSQL[@]}" -d orderhub -F $'\t' -c "SELECT calls, round(total_exec_time::numeric,1) AS ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'orderhub')
      ORDER BY calls DESC LIMIT 80" >"$RESULTS/orders-$STAMP-statements-$label.tsv"
done
done
echo "== host RSS now $(awk '/VmRSS/{print int($2/1024)" MB"}' /proc/$HOST_PID/status), VmHWM $(awk '/VmHWM/{print int($2/1024)" MB"}' /proc/$HOST_PID/status)"

# Summary: harness rows + % of the pgbench rate at the same client count.
{
  echo "run,clients,orders_per_s,p50_ms,p95_ms,p99_ms,errors,errors_by_code,ready_pct,pct_of_pgbench,pgbench_tps,host_peak_rss_mb,host_vmhwm_mb,host_cpu_ms_per_order,pg_cpu_ms_per_order,drain_s,completed_per_s"
  for c in $CLIENTS; do echo "pgbench-c$c,$c,${PGB_TPS[$c]},,,,,,,100.0,${PGB_TPS[$c]},,,,${PGB_CPU[$c]},,"; done
  tail -n +2 "$RAW.http" | while IFS=, read -r label conc secs req ok ops p50 p95 p99 max errs bycode ready statuses rss hwm hostcpu drain completed; do
    pg=${PGB_TPS[$conc]:-}
    pct=$([[ -n "$pg" ]] && awk -v a="$ops" -v b="$pg" 'BEGIN{printf "%.1f", 100*a/b}' || echo "")
    echo "$label,$conc,$ops,$p50,$p95,$p99,$errs,$bycode,$ready,$pct,$pg,$rss,$hwm,$hostcpu,${HTTP_PGCPU[$label]:-},$drain,$completed"
  done
} >"$OUT"
rm -f "$RAW.http"

echo
echo "== summary ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); written to ${OUT#$ROOT/})"
column -s, -t <"$OUT" 2>/dev/null || cat "$OUT"
