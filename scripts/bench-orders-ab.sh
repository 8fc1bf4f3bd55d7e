#!/usr/bin/env bash
# Two builds of OrderHub placing orders side by side, in the same windows, on one PostgreSQL 15 cluster (a database
# each): the ratio B/A of orders/s and of CPU per order is measured under the same noise, which a busy or shared 2-core
# box makes impossible between runs minutes apart (pgbench alone moved 790-1,270 tps between runs). Used for issue 20's
# "speed must not regress": A = the code before a change, B = after.
# Usage (as root): A=/path/to/tree-before B=/path/to/tree-after scripts/bench-orders-ab.sh
# Knobs (env): CLIENTS=8 (per host) WARMUP=20 DURATION=30 ROUNDS=3 (windows, the hosts kept warm between them) KEEP=1
#   TRACE=1: in the last round's measured window, 20 s of thread-time samples of each host (dotnet-trace, dotnet-sampled-thread-time) to
#   bench/results/orders-ab-<utc>-<a|b>.nettrace (top methods: bench/trace-top.py)
#   PERF=1: in the last round's measured window, 20 s of each host's CPU samples (perf; JIT frames named through
#   DOTNET_PerfMapEnabled), attributed by bench/perf-attribute.py to bench/results/orders-ab-<utc>-<a|b>.perf.txt
#   ALLOC=1: in the last round's measured window, 20 s of each host's allocation ticks (dotnet-trace gc-verbose), summed by
#   type and by OrderHub method per order placed (bench/AllocTop) to bench/results/orders-ab-<utc>-<a|b>.alloc.txt
#   STATEMENTS=1: pg_stat_statements of each database over the last round (window and drain), per order placed, to
#   bench/results/orders-ab-<utc>-<a|b>-statements.tsv
#   HOST_ENV="K=V ...": more environment for both hosts (e.g. OrderHub__Outbox__DispatcherEnabled=false with DRAIN=0 times
#   the answering path alone: the background work of the order's journey never runs). DRAIN=0: no drain after a window
#   (host CPU per order is then the window's alone).
# Each tree is built in Release from its own sources; each host gets its own database and its own load harness.
# Output: bench/results/orders-ab-<utc>.csv (one row per host per round, plus the B/A ratios) and a summary on stdout.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
A=${A:?A=path of the tree before}; B_TREE=${B:?B=path of the tree after}
B=/usr/lib/postgresql/15/bin
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-30}
ROUNDS=${ROUNDS:-3}
HOST_GC_HEAP_LIMIT=${HOST_GC_HEAP_LIMIT:-0x5000000}
API_KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$ROOT/bench/results"
OUT="$RESULTS/orders-ab-$STAMP.csv"
mkdir -p "$RESULTS"
D=$(mktemp -d -t bench-ab.XXXXXX)
chown postgres: "$D"; chmod 700 "$D"
declare -A HOST_PID
PG_STARTED=""

cleanup() {
  set +e
  for side in a b; do
    local pid=${HOST_PID[$side]:-}
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"; for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
  done
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
ticks() { awk '{s=substr($0, index($0, ") ")+2); split(s, f, " "); print f[12]+f[13]}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU ticks (1/100 s) of the backends serving one database. The hosts' pooled connections live for the whole run, so
# the difference between two readings is that database's PostgreSQL CPU (a backend that closes in between is missed).
db_ticks() {
  local t=0 pid
  for pid in $("${PSQL[@]}" -c "SELECT pid FROM pg_stat_activity WHERE datname = '$1'"); do t=$(( t + $(ticks "$pid") )); done
  echo "$t"
}
declare -A BACKEND_T0
snapshot_backends() { # remembers every backend's ticks now, so backends opened later count from zero
  local pid
  BACKEND_T0=()
  for pid in $("${PSQL[@]}" -c "SELECT pid FROM pg_stat_activity WHERE datname LIKE 'orderhub_%'"); do BACKEND_T0[$pid]=$(ticks "$pid"); done
}
db_ticks_since() {
  local t=0 pid
  for pid in $("${PSQL[@]}" -c "SELECT pid FROM pg_stat_activity WHERE datname = '$1'"); do t=$(( t + $(ticks "$pid") - ${BACKEND_T0[$pid]:-0} )); done
  echo "$t"
}

echo "== building (Release): A = $A, B = $B_TREE"
for tree in "$A" "$B_TREE"; do
  dotnet build "$tree/src/OrderHub.Web" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
  dotnet build "$tree/bench/OrderHub.LoadTest" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
done
[[ "${ALLOC:-0}" == 1 ]] && { dotnet build "$ROOT/bench/AllocTop" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true; }
declare -A TREE=([a]="$A" [b]="$B_TREE")

PGPORT=$(free_port)
echo "== PostgreSQL 15 on 127.0.0.1:$PGPORT ($D)"
runuser -u postgres -- "$B/initdb" -D "$D/data" -U postgres -A trust -E UTF8 --no-locale -N >/dev/null
runuser -u postgres -- "$B/pg_ctl" -D "$D/data" -l "$D/pg.log" -w -o "-p $PGPORT -k $D -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" start >/dev/null
PG_STARTED=1
PSQL=(runuser -u postgres -- "$B/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
"${PSQL[@]}" -c "CREATE ROLE orderhub LOGIN PASSWORD 'orderhub' CREATEDB" -c "CREATE DATABASE orderhub_a OWNER orderhub" -c "CREATE DATABASE orderhub_b OWNER orderhub"
"${PSQL[@]}" -c "CREATE EXTENSION pg_stat_statements"

declare -A PORT
for side in a b; do
  PORT[$side]=$(free_port)
  dll="${TREE[$side]}/src/OrderHub.Web/bin/Release/net10.0/OrderHub.Web.dll"
  echo "== host $side (${TREE[$side]}) on http://127.0.0.1:${PORT[$side]}"
  (
    cd "$(dirname "$dll")"
    export ASPNETCORE_ENVIRONMENT=Production \
      OrderHub__Database__Provider=PostgreSql \
      OrderHub__Database__ConnectionString="Host=127.0.0.1;Port=$PGPORT;Database=orderhub_$side;Username=orderhub;Password=orderhub" \
      OrderHub__Database__MigrateOnStartup=true \
      OrderHub__DemoData__Enabled=true \
      OrderHub__Bootstrap__ApiKey="$API_KEY" \
      OrderHub__Shipping__TrackingWebhookSecret="bench-tracking-secret-0123" \
      OrderHub__Shipping__Carriers__UPS__AlcoholAgreement=true \
      OrderHub__Shipping__Carriers__FedEx__AlcoholAgreement=true \
      OrderHub__Payments__Gateway=Test \
      Serilog__MinimumLevel__Default=Warning \
      DOTNET_GCHeapHardLimit="$HOST_GC_HEAP_LIMIT"
    for kv in ${HOST_ENV:-}; do export "$kv"; done
    [[ "${PERF:-0}" == 1 ]] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 # W^X double-maps JIT code, which perf cannot name
    exec dotnet "$dll" --urls "http://127.0.0.1:${PORT[$side]}"
  ) >"$D/host-$side.log" 2>&1 &
  HOST_PID[$side]=$!
  for i in $(seq 240); do
    curl -fsS "http://127.0.0.1:${PORT[$side]}/health/ready" >/dev/null 2>&1 && break
    kill -0 "${HOST_PID[$side]}" 2>/dev/null || { echo "host $side exited:"; tail -40 "$D/host-$side.log"; exit 1; }
    sleep 0.5
    [[ $i == 240 ]] && { echo "host $side not ready after 120 s"; tail -40 "$D/host-$side.log"; exit 1; }
  done
  dotnet "${TREE[$side]}/bench/OrderHub.LoadTest/bin/Release/net10.0/OrderHub.LoadTest.dll" \
    --url "http://127.0.0.1:${PORT[$side]}" --api-key "$API_KEY" --receive 1000000 >/dev/null
done

placed() { "${PSQL[@]}" -d "orderhub_$1" -c "SELECT count(*) FROM orders.\"Orders\" WHERE \"ExternalReference\" LIKE 'LT-%'"; }
echo "round,side,tree,clients,orders_per_s,p50_ms,p95_ms,p99_ms,errors,host_cpu_ms_per_order,pg_cpu_ms_per_order,placed" >"$OUT"
for round in $(seq "$ROUNDS"); do
  echo "== round $round: both hosts, $CLIENTS clients each, ${WARMUP} s warm-up + ${DURATION} s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  declare -A P0 RAW
  snapshot_backends
  [[ "${STATEMENTS:-0}" == 1 && $round == "$ROUNDS" ]] && "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  for side in a b; do
    P0[$side]=$(placed "$side")
    RAW[$side]="$D/round$round-$side.csv"
    dotnet "${TREE[$side]}/bench/OrderHub.LoadTest/bin/Release/net10.0/OrderHub.LoadTest.dll" \
      --url "http://127.0.0.1:${PORT[$side]}" --api-key "$API_KEY" --concurrency "$CLIENTS" \
      --duration "$DURATION" --warmup "$WARMUP" --pid "${HOST_PID[$side]}" --label "ab-$side" --csv "${RAW[$side]}" --respond-async 0 --drain "${DRAIN:-1}" \
      >"$D/round$round-$side.log" 2>&1 &
    eval "H_$side=$!"
  done
  PERF_JOBS=()
  if [[ $round == "$ROUNDS" && ( "${PERF:-0}" == 1 || "${TRACE:-0}" == 1 || "${ALLOC:-0}" == 1 ) ]]; then
    sleep "$(( WARMUP + 3 ))" # into the measured window
  fi
  if [[ "${PERF:-0}" == 1 && $round == "$ROUNDS" ]]; then
    for side in a b; do
      ( perf record -F 499 -g -p "${HOST_PID[$side]}" -o "$D/perf-$side.data" -- sleep 20 >/dev/null 2>&1
        perf script -i "$D/perf-$side.data" -F tid,ip,sym 2>/dev/null >"$D/perf-$side.txt"
        python3 "$ROOT/bench/perf-attribute.py" "$D/perf-$side.txt" 80 >"$RESULTS/orders-ab-$STAMP-$side.perf.txt" ) &
      PERF_JOBS+=($!)
    done
  fi
  if [[ "${TRACE:-0}" == 1 && $round == "$ROUNDS" ]]; then
    for side in a b; do
      ~/.dotnet/tools/dotnet-trace collect -p "${HOST_PID[$side]}" --profile dotnet-sampled-thread-time --format Speedscope --duration 00:00:00:20 \
        -o "$RESULTS/orders-ab-$STAMP-$side.nettrace" >"$D/trace-$side.log" 2>&1 &
    done
  fi
  if [[ "${ALLOC:-0}" == 1 && $round == "$ROUNDS" ]]; then
    for side in a b; do
      ( n0=$(placed "$side")
        ~/.dotnet/tools/dotnet-trace collect -p "${HOST_PID[$side]}" --profile gc-verbose --duration 00:00:00:20 \
          -o "$D/alloc-$side.nettrace" >"$D/alloc-$side.log" 2>&1
        n=$(( $(placed "$side") - n0 ))
        dotnet "$ROOT/bench/AllocTop/bin/Release/net10.0/AllocTop.dll" "$D/alloc-$side.nettrace" "$n" 60 \
          >"$RESULTS/orders-ab-$STAMP-$side.alloc.txt" 2>&1 ) &
      PERF_JOBS+=($!)
    done
  fi
  wait "$H_a" "$H_b" ${PERF_JOBS[@]+"${PERF_JOBS[@]}"} # the samples are written before the run's directory goes
  for side in a b; do
    n=$(( $(placed "$side") - ${P0[$side]} ))
    pg=$(awk -v t="$(db_ticks_since "orderhub_$side")" -v n="$n" 'BEGIN{printf "%.2f", n ? t*10/n : 0}')
    # harness row: label,conc,secs,req,ok,ops,p50,p95,p99,max,errs,bycode,ready,statuses,rss,hwm,hostcpu,drain,completed
    IFS=, read -r _ conc _ _ _ ops p50 p95 p99 _ errs _ _ _ _ _ hostcpu _ _ < <(tail -n 1 "${RAW[$side]}")
    echo "$round,$side,${TREE[$side]},$conc,$ops,$p50,$p95,$p99,$errs,$hostcpu,$pg,$n" >>"$OUT"
  done
  tail -n 2 "$OUT" | column -s, -t
done
if [[ "${STATEMENTS:-0}" == 1 ]]; then
  for side in a b; do # the last round's statements (window and drain) per order it placed
    n=$(awk -F, -v s="$side" -v r="$ROUNDS" '$1 == r && $2 == s { print $12 }' "$OUT")
    [[ "${n:-0}" -gt 0 ]] || { echo "no orders placed by $side in the last round: no statements per order"; continue; }
    "${PSQL[@]}" -F $'\t' -c "SELECT round(s.calls::numeric / $n, 2) AS calls_per_order, round((s.total_exec_time / $n)::numeric, 3) AS ms_per_order,
        left(regexp_replace(s.query, '\s+', ' ', 'g'), 200) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = 'orderhub_$side' ORDER BY s.total_exec_time DESC LIMIT 80" >"${OUT%.csv}-$side-statements.tsv"
  done
  echo "statements per order placed in the last round: ${OUT%.csv}-{a,b}-statements.tsv"
fi

echo
echo "== B/A ratios per round and overall (orders/s higher is better; CPU per order lower is better)"
awk -F, 'NR > 1 { v[$1, $2, "ops"] = $5; v[$1, $2, "host"] = $10; v[$1, $2, "pg"] = $11; if ($1 > r) r = $1 }
  END {
    printf "%-8s %12s %14s %14s\n", "round", "orders/s B/A", "host CPU B/A", "PG CPU B/A"
    for (i = 1; i <= r; i++) {
      o = v[i, "b", "ops"] / v[i, "a", "ops"]; h = v[i, "b", "host"] / v[i, "a", "host"]; p = v[i, "b", "pg"] / v[i, "a", "pg"]
      so += o; sh += h; sp += p
      printf "%-8s %12.3f %14.3f %14.3f\n", i, o, h, p
    }
    printf "%-8s %12.3f %14.3f %14.3f\n", "mean", so / r, sh / r, sp / r
  }' "$OUT" | tee "${OUT%.csv}-ratios.txt"
echo "written: ${OUT#$ROOT/} (+ -ratios.txt)"
