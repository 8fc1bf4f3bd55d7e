#!/usr/bin/env bash
# The wine-club label release (issue 22): N wine orders placed through the API and picked in waves. SCENARIO=club (the
# default): packed ahead to ship on a later day, then staff release the day (POST /api/v1/shipping/releases) and the host
# buys every label at OrderHub:Shipping:ReleaseLabelsPerSecond. SCENARIO=pack: all packed at once through the API, each
# pack buying its label. SCENARIO=none: the control, packed ahead and never released (the window "during" holds no
# release, so its ratio is the harness's own spread). The host's own outbox dispatcher buys the labels (simulated
# carriers). Measures release (or first pack) -> last label, and order intake (with the host's and PostgreSQL's CPU)
# alone / during the release / alone (bench/LabelRelease.Bench).
# One command: throwaway PostgreSQL 15 cluster -> OrderHub host (Release) -> stock -> harness -> results in
# bench/results/label-release-<utc>.csv (+ .progress.csv, .log, -statements.tsv, -autovacuum.log) -> everything it started is stopped.
# The winery's UPS and FedEx alcohol agreements are switched on (as in appsettings.Development.json and the tests):
# without them no carrier may take wine and every label of the release fails.
# Must run as root (runuser -u postgres). Knobs (env): SCENARIO=club|pack ORDERS=5000 INTAKE_CLIENTS=4 BASELINE=100 PACK_CLIENTS=8
#   AFTER_DRAIN=180 (longest wait for the intake's backlog before the window after) KEEP=1
#   SNAPSHOT=dir: the first run places, sources and picks the orders, then copies the stopped cluster to dir and ends;
#     later runs start from a copy of dir and measure only the release (to try a change in ~6 minutes instead of ~12).
#     The host is whatever tree runs the script; its migrations apply on start. TRACE=1: 30 s of the host's thread-time
#     samples (dotnet-trace) 20 s into the release, to bench/results/label-release-<utc>.nettrace.
#     HOST_ENV="K=V ...": more environment for the host (e.g. DOTNET_gcServer=0). PERF=1: 30 s of the
#     host's CPU samples (perf, JIT frames named through DOTNET_PerfMapEnabled) PERF_AT s (20) into the release, to <utc>.perf.txt
#     (by library and symbol) and <utc>.perf.methods.txt (by the innermost OrderHub method, bench/perf-attribute.py).
#     ALLOC=1: 30 s of the host's allocation ticks (dotnet-trace gc-verbose) 20 s into the release, summed by type and by
#     OrderHub method per label bought (bench/AllocTop) to <utc>.alloc.txt. COUNTERS=1: the runtime's counters every second (dotnet-counters, System.Runtime) for the whole run, to
#     <utc>-counters.csv, summed per window (per order placed) by bench/counters-per-window.py to <run>-counters-per-window.txt.
set -euo pipefail
HOST_GC_HEAP_LIMIT=${HOST_GC_HEAP_LIMIT:-0x10000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=/usr/lib/postgresql/15/bin
ORDERS=${ORDERS:-5000}
INTAKE_CLIENTS=${INTAKE_CLIENTS:-4}
BASELINE=${BASELINE:-100} # seconds of each intake window alone: as long as the release (5,000 at 50 a second)
PACK_CLIENTS=${PACK_CLIENTS:-8}
SCENARIO=${SCENARIO:-club}
AFTER_DRAIN=${AFTER_DRAIN:-180}
API_KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
D=$(mktemp -d -t label-release.XXXXXX)
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
}
trap cleanup EXIT INT TERM

port_free() { ! ss -ltnH "sport = :$1" | grep -q .; }
free_port() {
  local p
  for _ in $(seq 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if port_free "$p" && ! "$B/pg_isready" -q -h 127.0.0.1 -p "$p"; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

echo "== building (Release): host, harness and the stock tool (bench/OrderHub.LoadTest)"
dotnet build "$ROOT/src/OrderHub.Web" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
dotnet build "$ROOT/bench/LabelRelease.Bench" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
dotnet build "$ROOT/bench/OrderHub.LoadTest" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
HOST_DLL="$ROOT/src/OrderHub.Web/bin/Release/net10.0/OrderHub.Web.dll"
HARNESS_DLL="$ROOT/bench/LabelRelease.Bench/bin/Release/net10.0/LabelRelease.Bench.dll"
STOCK_DLL="$ROOT/bench/OrderHub.LoadTest/bin/Release/net10.0/OrderHub.LoadTest.dll"
[[ -f "$HOST_DLL" && -f "$HARNESS_DLL" && -f "$STOCK_DLL" ]] || { echo "build failed" >&2; exit 1; }

PGPORT=$(free_port)
PHASE=all
if [[ -n "${SNAPSHOT:-}" && -d "$SNAPSHOT/data" ]]; then
  PHASE=release
  echo "== PostgreSQL 15 on 127.0.0.1:$PGPORT ($D), a copy of the picked orders in $SNAPSHOT"
  cp -a "$SNAPSHOT/data" "$D/data"
elif [[ -n "${SNAPSHOT:-}" ]]; then
  PHASE=setup
  echo "== PostgreSQL 15 on 127.0.0.1:$PGPORT ($D); the picked orders will be kept in $SNAPSHOT"
  runuser -u postgres -- "$B/initdb" -D "$D/data" -U postgres -A trust -E UTF8 --no-locale -N >/dev/null
else
  echo "== PostgreSQL 15 on 127.0.0.1:$PGPORT ($D)"
  runuser -u postgres -- "$B/initdb" -D "$D/data" -U postgres -A trust -E UTF8 --no-locale -N >/dev/null
fi
# fsync/synchronous_commit off as in TOOLCHAIN.md §3 and scripts/bench-orders.sh (throwaway cluster).
runuser -u postgres -- "$B/pg_ctl" -D "$D/data" -l "$D/pg.log" -w -o "-p $PGPORT -k $D -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c log_autovacuum_min_duration=0 -c log_timezone=UTC" start >/dev/null
PG_STARTED=1
PSQL=(runuser -u postgres -- "$B/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
if [[ $PHASE != release ]]; then
  "${PSQL[@]}" -c "CREATE ROLE orderhub LOGIN PASSWORD 'orderhub' CREATEDB" -c "CREATE DATABASE orderhub OWNER orderhub"
  "${PSQL[@]}" -d orderhub -c "CREATE EXTENSION pg_stat_statements"
else
  "${PSQL[@]}" -d orderhub -c 'DELETE FROM access."ApiClients"' # the host's start makes the bootstrap client with this run's key
fi
PG_CS="Host=127.0.0.1;Port=$PGPORT;Database=orderhub;Username=orderhub;Password=orderhub"

HTTP_PORT=$(free_port)
echo "== OrderHub host (Release) on http://127.0.0.1:$HTTP_PORT"
(
  cd "$(dirname "$HOST_DLL")"
  export ASPNETCORE_ENVIRONMENT=Production \
    OrderHub__Database__Provider=PostgreSql \
    OrderHub__Database__ConnectionString="$PG_CS" \
    OrderHub__Database__MigrateOnStartup=true \
    OrderHub__DemoData__Enabled=true \
    OrderHub__Bootstrap__ApiKey="$API_KEY" \
    OrderHub__Shipping__TrackingWebhookSecret="bench-tracking-secret-0123" \
    OrderHub__Payments__Gateway=Test \
    OrderHub__Shipping__Carriers__UPS__AlcoholAgreement=true \
    OrderHub__Shipping__Carriers__FedEx__AlcoholAgreement=true \
    Serilog__MinimumLevel__Default=Warning \
    DOTNET_GCHeapHardLimit="$HOST_GC_HEAP_LIMIT"
  for kv in ${HOST_ENV:-}; do export "${kv?}"; done
  [[ "${PERF:-0}" == 1 ]] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 # W^X double-maps JIT code, which perf cannot name
  exec dotnet "$HOST_DLL" --urls "http://127.0.0.1:$HTTP_PORT"
) >"$D/host.log" 2>&1 &
HOST_PID=$!
for i in $(seq 240); do
  curl -fsS "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$HOST_PID" 2>/dev/null || { echo "host exited:"; tail -40 "$D/host.log"; exit 1; }
  sleep 0.5
  [[ $i == 240 ]] && { echo "host not ready after 120 s"; tail -40 "$D/host.log"; exit 1; }
done
echo "   ready (pid $HOST_PID)"

if [[ $PHASE != release ]]; then
  echo "== stock: 1,000,000 units per SKU at NAPA-WH"
  dotnet "$STOCK_DLL" --url "http://127.0.0.1:$HTTP_PORT" --api-key "$API_KEY" --receive 1000000
fi
if [[ "${TRACE:-0}" == 1 && $PHASE != setup ]]; then
  TRACE_OUT="$RESULTS/label-release-$(date -u +%Y%m%dT%H%M%SZ).nettrace"
  ( while ! grep -qE "release: (packing|staff release)" "$D/harness.out" 2>/dev/null; do sleep 1; done; sleep 20
    ~/.dotnet/tools/dotnet-trace collect -p "$HOST_PID" --profile dotnet-sampled-thread-time --format Speedscope --duration 00:00:00:30 -o "$TRACE_OUT" >/dev/null 2>&1
    echo "   trace: $TRACE_OUT" ) &
fi

if [[ "${PERF:-0}" == 1 && $PHASE != setup ]]; then
  PERF_OUT="$RESULTS/label-release-$(date -u +%Y%m%dT%H%M%SZ).perf"
  ( while ! grep -qE "release: (packing|staff release)" "$D/harness.out" 2>/dev/null; do sleep 1; done; sleep "${PERF_AT:-20}"
    perf record -F 499 -g -p "$HOST_PID" -o "$D/host.perf.data" -- sleep 30 >/dev/null 2>&1
    perf report -i "$D/host.perf.data" --no-children -g none --percent-limit 0.2 --sort dso,symbol --stdio 2>/dev/null | grep -v "^$" | head -400 >"$PERF_OUT.txt"
    perf script -i "$D/host.perf.data" -F tid,ip,sym 2>/dev/null >"$D/host.perf.txt"
    python3 "$ROOT/bench/perf-attribute.py" "$D/host.perf.txt" 80 >"$PERF_OUT.methods.txt"
    echo "   CPU samples: $PERF_OUT.txt" ) &
fi
if [[ "${ALLOC:-0}" == 1 && $PHASE != setup ]]; then
  dotnet build "$ROOT/bench/AllocTop" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
  ALLOC_OUT="$RESULTS/label-release-$(date -u +%Y%m%dT%H%M%SZ).alloc.txt"
  ( while ! grep -qE "release: (packing|staff release)" "$D/harness.out" 2>/dev/null; do sleep 1; done; sleep 20
    labelled() { "${PSQL[@]}" -d orderhub -c "SELECT count(*) FROM shipping.\"Shipments\" WHERE \"Status\" <> 'LabelPending'"; }
    n0=$(labelled)
    ~/.dotnet/tools/dotnet-trace collect -p "$HOST_PID" --profile gc-verbose --duration 00:00:00:30 -o "$D/alloc.nettrace" >"$D/alloc.log" 2>&1
    n=$(( $(labelled) - n0 ))
    dotnet "$ROOT/bench/AllocTop/bin/Release/net10.0/AllocTop.dll" "$D/alloc.nettrace" "$n" 60 >"$ALLOC_OUT" 2>&1
    echo "   allocations per label ($n labels): $ALLOC_OUT" ) &
fi
if [[ "${COUNTERS:-0}" == 1 && $PHASE != setup ]]; then
  # The runtime's counters every second for the whole run (GC, thread pool, locks, CPU), summed per window afterwards.
  COUNTERS_OUT="$RESULTS/label-release-$(date -u +%Y%m%dT%H%M%SZ)-counters.csv"
  ~/.dotnet/tools/dotnet-counters collect -p "$HOST_PID" --counters System.Runtime --refresh-interval 1 --format csv \
    -o "$COUNTERS_OUT" >/dev/null 2>&1 &
  COUNTERS_PID=$!
fi
echo "== release of $ORDERS orders ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
"${PSQL[@]}" -d orderhub -c "SELECT pg_stat_statements_reset()" >/dev/null
status=0
dotnet "$HARNESS_DLL" --url "http://127.0.0.1:$HTTP_PORT" --api-key "$API_KEY" --pg "$PG_CS" --orders "$ORDERS" \
  --intake-clients "$INTAKE_CLIENTS" --baseline "$BASELINE" --pack-clients "$PACK_CLIENTS" --after-drain "$AFTER_DRAIN" --out "$RESULTS" \
  --phase "$PHASE" --scenario "$SCENARIO" --host-pid "$HOST_PID" | tee "$D/harness.out" || status=$?
if [[ $PHASE == setup ]]; then
  kill -TERM "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""
  runuser -u postgres -- "$B/pg_ctl" -D "$D/data" -m fast stop >/dev/null; PG_STARTED=""
  mkdir -p "$SNAPSHOT"; cp -a "$D/data" "$SNAPSHOT/data"
  echo "== the picked orders are kept in $SNAPSHOT: run again with SNAPSHOT=$SNAPSHOT to measure the release"
  exit $status
fi
latest=$(ls -t "$RESULTS"/label-release-*.csv 2>/dev/null | grep -v -e progress -e counters | head -1)
if [[ $status == 0 && -n "$latest" ]]; then
  "${PSQL[@]}" -d orderhub -F $'\t' -c "SELECT calls, round(total_exec_time::numeric,1) AS ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'orderhub')
      ORDER BY total_exec_time DESC LIMIT 60" >"${latest%.csv}-statements.tsv"
  # Every autovacuum and autoanalyze of the run (UTC, from PostgreSQL's log), to hold against the windows' times in the .log.
  grep -E "automatic (vacuum|analyze)" "$D/pg.log" | cut -c1-200 >"${latest%.csv}-autovacuum.log" || true
  echo; column -s, -t <"$latest" 2>/dev/null || cat "$latest"
fi
if [[ -n "${COUNTERS_PID:-}" ]]; then
  kill "$COUNTERS_PID" 2>/dev/null; wait "$COUNTERS_PID" 2>/dev/null || true # it waits for a key on SIGINT
fi
if [[ -n "${COUNTERS_OUT:-}" && -f "$COUNTERS_OUT" && -n "$latest" ]]; then
  python3 "$ROOT/bench/counters-per-window.py" "${latest%.csv}.log" "$COUNTERS_OUT" | tee "${latest%.csv}-counters-per-window.txt" || true
fi
grep -E "\[(ERR|WRN|FTL)\]|Exception" "$D/host.log" | cut -c1-240 | sort | uniq -c | sort -rn | head -20 || true
exit $status
