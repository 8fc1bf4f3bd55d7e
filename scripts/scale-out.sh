#!/usr/bin/env bash
# Proof under load (issue 11): several OrderHub hosts on one PostgreSQL 15, no oversell, no loss, exactly-once effects.
# One command: throwaway PG cluster -> host 1 (migrations + demo data) -> hosts 2..N (same database) ->
#   [COMPARE] the harness at the same concurrency against host 1 alone, then round-robin over all hosts (ample stock)
#   -> hot run: round-robin over all hosts on 3 SKUs with less stock than demand [CRASH: kill -9 one host mid-run,
#   restart it, keep the load going] -> wait for the outbox and jobs to drain -> SQL invariants, PASS/FAIL each
#   -> results in bench/results/scaleout-<utc>.{log,csv} -> everything it started is stopped (trap).
# Must run as root (runuser -u postgres). Exit code 0 only when every invariant passes.
# Knobs (env): HOSTS=3 CONCURRENCY=32 DURATION=30 WARMUP=20 (tiered JIT settles; each of N hosts gets 1/N of it) COMPARE=1 HOT_SKUS=PN-2021-750,SB-2023-750,BRUT-NV-750
#   HOT_DURATION=$DURATION HOT_QUANTITY=3 (bottles per line) CRASH=0 CRASH_AFTER=20 (orders the victim has answered in the measured window) CRASH_AT=1 (s more) CRASH_HOST=2 RESTART_AFTER=5 DRAIN_TIMEOUT=180
#   SKIP_BUILD=1 KEEP=1 (leave the cluster dir with host and PG logs)
#   RESPOND_ASYNC=1: orders sent with Prefer: respond-async (answered once stored and reserved; the harness waits for
#   the background placements to drain). With CRASH=1 this proves the in-memory queue of the killed host is not needed.
set -euo pipefail
# The host runs with its GC heap capped, as a container memory limit would (docs/performance.md, "Host memory").
HOST_GC_HEAP_LIMIT=${HOST_GC_HEAP_LIMIT:-0x5000000}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=/usr/lib/postgresql/15/bin
HOSTS=${HOSTS:-3}
CONCURRENCY=${CONCURRENCY:-32}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-20}
COMPARE=${COMPARE:-1}
COLD_SKUS=${COLD_SKUS:-CAB-2019-750,CAB-2020-750,CHD-2022-750,CHD-2023-750}
HOT_SKUS=${HOT_SKUS:-PN-2021-750,SB-2023-750,BRUT-NV-750}
HOT_DURATION=${HOT_DURATION:-$DURATION}
HOT_QUANTITY=${HOT_QUANTITY:-3}
RESPOND_ASYNC=${RESPOND_ASYNC:-0}
MODE_SUFFIX=$([[ "$RESPOND_ASYNC" == 1 ]] && echo "-async" || true)
CRASH=${CRASH:-0}
CRASH_AT=${CRASH_AT:-1}
CRASH_AFTER=${CRASH_AFTER:-20}
CRASH_HOST=${CRASH_HOST:-2}
(( CRASH_HOST >= 1 && CRASH_HOST <= HOSTS )) || { echo "CRASH_HOST must be 1..$HOSTS" >&2; exit 2; }
RESTART_AFTER=${RESTART_AFTER:-5}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-180}
API_KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
KIND=$([[ "$CRASH" == 1 ]] && echo crash || echo scaleout)
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
LOG="$RESULTS/$KIND-$STAMP.log"
CSV="$RESULTS/$KIND-$STAMP.csv"
exec > >(tee "$LOG") 2>&1

D=$(mktemp -d -t scaleout.XXXXXX)
chown postgres: "$D"; chmod 700 "$D"
declare -a HOST_PID HOST_PORT
PG_STARTED=""
CRASHER_PID=""
RECEIVER_PID=""

stop_host() {
  local pid=${HOST_PID[$1]:-}
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid"; for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  return 0
}
cleanup() {
  set +e
  [[ -n "$CRASHER_PID" ]] && kill "$CRASHER_PID" 2>/dev/null
  [[ -n "$RECEIVER_PID" ]] && kill "$RECEIVER_PID" 2>/dev/null
  [[ -f "$D/restarted.pid" ]] && HOST_PID[0]=$(cat "$D/restarted.pid") # a host restarted by the crash step
  for i in "${!HOST_PID[@]}"; do stop_host "$i"; done
  [[ -n "$PG_STARTED" ]] && runuser -u postgres -- "$B/pg_ctl" -D "$D/data" -m immediate stop >/dev/null 2>&1
  if [[ "${KEEP:-0}" == 1 ]]; then echo "logs kept in $D"; else rm -rf "$D"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! ss -ltnH "sport = :$1" | grep -q .; }
free_port() {
  local p
  for _ in $(seq 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if port_free "$p" && ! "$B/pg_isready" -q -h 127.0.0.1 -p "$p" && [[ " ${HOST_PORT[*]:-} " != *" $p "* ]]; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; exit 1
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building (Release): host and harness"
  dotnet build "$ROOT/src/OrderHub.Web" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
  dotnet build "$ROOT/bench/OrderHub.LoadTest" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
fi
HOST_DLL="$ROOT/src/OrderHub.Web/bin/Release/net10.0/OrderHub.Web.dll"
HARNESS_DLL="$ROOT/bench/OrderHub.LoadTest/bin/Release/net10.0/OrderHub.LoadTest.dll"
[[ -f "$HOST_DLL" && -f "$HARNESS_DLL" ]] || { echo "build failed" >&2; exit 1; }

PGPORT=$(free_port)
echo "== PostgreSQL 15 on 127.0.0.1:$PGPORT ($D)"
runuser -u postgres -- "$B/initdb" -D "$D/data" -U postgres -A trust -E UTF8 --no-locale -N >/dev/null
runuser -u postgres -- "$B/pg_ctl" -D "$D/data" -l "$D/pg.log" -w -o "-p $PGPORT -k $D -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500 -c shared_buffers=256MB \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" start >/dev/null
PG_STARTED=1
PSQL=(runuser -u postgres -- "$B/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
"${PSQL[@]}" -c "CREATE ROLE orderhub LOGIN PASSWORD 'orderhub' CREATEDB" -c "CREATE DATABASE orderhub OWNER orderhub"
"${PSQL[@]}" -d orderhub -c "CREATE EXTENSION pg_stat_statements"
Q() { "${PSQL[@]}" -d orderhub -c "$1"; }

# start_host <index> <migrate+demo: true|false>; the host keeps its port across a restart.
start_host() {
  local i=$1 first=$2
  [[ -n "${HOST_PORT[$i]:-}" ]] || HOST_PORT[$i]=$(free_port)
  (
    cd "$(dirname "$HOST_DLL")"
    export ASPNETCORE_ENVIRONMENT=Production \
      OrderHub__Database__Provider=PostgreSql \
      OrderHub__Database__ConnectionString="Host=127.0.0.1;Port=$PGPORT;Database=orderhub;Username=orderhub;Password=orderhub" \
      OrderHub__Database__MigrateOnStartup="$first" \
      OrderHub__DemoData__Enabled="$first" \
      OrderHub__Bootstrap__ApiKey="$API_KEY" \
      OrderHub__Shipping__TrackingWebhookSecret="bench-tracking-secret-0123" \
      OrderHub__Payments__Gateway=Test \
      OrderHub__Webhooks__AllowPrivateTargets=true \
      OrderHub__Shipping__Carriers__UPS__AlcoholAgreement=true \
      OrderHub__Shipping__Carriers__FedEx__AlcoholAgreement=true \
      Serilog__MinimumLevel__Default=Warning \
      DOTNET_GCHeapHardLimit="$HOST_GC_HEAP_LIMIT"
    exec dotnet "$HOST_DLL" --urls "http://127.0.0.1:${HOST_PORT[$i]}"
  ) >>"$D/host$i.log" 2>&1 &
  HOST_PID[$i]=$!
}
wait_ready() {
  local i=$1
  for n in $(seq 240); do
    curl -fsS "http://127.0.0.1:${HOST_PORT[$i]}/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "${HOST_PID[$i]}" 2>/dev/null || { echo "host $i exited:"; tail -40 "$D/host$i.log"; exit 1; }
    sleep 0.5
  done
  echo "host $i not ready after 120 s"; tail -40 "$D/host$i.log"; exit 1
}

# Host 1 alone applies migrations and demo data; the others start on the migrated database (no concurrent migration).
start_host 1 true; wait_ready 1
for i in $(seq 2 "$HOSTS"); do start_host "$i" false; done
for i in $(seq 2 "$HOSTS"); do wait_ready "$i"; done

# A webhook receiver on loopback (issue 23): every accepted order's order.received must reach it, posted by whichever
# host's sender, once per delivery id (a host killed mid-post may post an id again: at least once, never two ids).
WEBHOOK_PORT=$(free_port)
cat >"$D/receiver.py" <<'PY'
import http.server, json, sys
log = open(sys.argv[2], "a", buffering=1)
class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        log.write("%s,%s\n" % (self.headers.get("webhook-id"), json.loads(body).get("data", {}).get("number", "")))
        self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
PY
touch "$D/webhooks.csv"
/usr/bin/python3 "$D/receiver.py" "$WEBHOOK_PORT" "$D/webhooks.csv" >>"$D/receiver.log" 2>&1 &
RECEIVER_PID=$!
curl -fsS -X POST -H "X-Api-Key: $API_KEY" -H "Content-Type: application/json" \
  -d "{\"url\":\"http://127.0.0.1:$WEBHOOK_PORT/orderhub\",\"events\":[\"order.received\"]}" \
  "http://127.0.0.1:${HOST_PORT[1]}/api/v1/webhooks" >/dev/null || { echo "could not subscribe the webhook receiver"; exit 1; }
URLS=""; PIDS=""
for i in $(seq 1 "$HOSTS"); do
  URLS+="${URLS:+,}http://127.0.0.1:${HOST_PORT[$i]}"; PIDS+="${PIDS:+,}${HOST_PID[$i]}"
  echo "   host $i: http://127.0.0.1:${HOST_PORT[$i]} pid ${HOST_PID[$i]}"
done

statements() { # <file>: where the database time went during the last run
  Q "SELECT calls, round(total_exec_time::numeric,1) AS total_ms, round(mean_exec_time::numeric,2) AS mean_ms, rows,
       left(regexp_replace(query, '\s+', ' ', 'g'), 140) FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'orderhub') ORDER BY total_exec_time DESC LIMIT 40" \
    | tr '|' '\t' >"$1"
  echo "   top statements by total time (all: ${1#$ROOT/}):"
  head -6 "$1" | awk -F'\t' '{printf "     %6d calls %9.1f ms  %s\n", $1, $2, substr($5, 1, 110)}'
}

if [[ "$COMPARE" == 1 ]]; then
  echo "== ample stock: 1,000,000 units of $COLD_SKUS at NAPA-WH"
  dotnet "$HARNESS_DLL" --url "http://127.0.0.1:${HOST_PORT[1]}" --api-key "$API_KEY" --receive 1000000 --skus "$COLD_SKUS"
  for run in one all; do
    if [[ $run == one ]]; then url="http://127.0.0.1:${HOST_PORT[1]}"; pid=${HOST_PID[1]}; label="1-host-c$CONCURRENCY$MODE_SUFFIX"
    else url=$URLS; pid=$PIDS; label="$HOSTS-hosts-c$CONCURRENCY$MODE_SUFFIX"; fi
    echo "== throughput: $label (${WARMUP} s warm-up + ${DURATION} s, load average before: $(loadavg))"
    Q "SELECT pg_stat_statements_reset()" >/dev/null
    dotnet "$HARNESS_DLL" --url "$url" --api-key "$API_KEY" --concurrency "$CONCURRENCY" --duration "$DURATION" \
      --warmup "$WARMUP" --pid "$pid" --label "$label" --skus "$COLD_SKUS" --csv "$CSV" --respond-async "$RESPOND_ASYNC"
    echo "   load average after: $(loadavg)"
    statements "$RESULTS/$KIND-$STAMP-statements-$label.tsv"
  done
fi

# ---- hot run: demand far above stock on the hot SKUs; every request logged.
REQ="$D/requests.csv"
echo "== stock of the hot SKUs before the hot run (sku, location, on hand, reserved):"
Q "SELECT \"Sku\", \"LocationCode\", sum(\"OnHand\"), sum(\"Reserved\") FROM inventory.\"StockItems\"
   WHERE \"Sku\" = ANY (string_to_array('$HOT_SKUS', ',')) GROUP BY 1, 2 ORDER BY 1, 2" | sed 's/^/   /'
if [[ "$CRASH" == 1 ]]; then
  (
    # Kill once the victim is busy in the measured window: it has answered CRASH_AFTER orders of it (the harness logs
    # every request as it ends, with its phase; warm-up answers do not count, or the kill lands in the warm-up).
    until [[ -f "$REQ" ]] && (( $(awk -F, -v h=$(( CRASH_HOST - 1 )) '$2 == h && ($3 == 200 || $3 == 201) && $8 == "measured"' "$REQ" | wc -l) >= CRASH_AFTER )); do
      sleep 0.5
    done
    sleep "$CRASH_AT"
    pid=${HOST_PID[$CRASH_HOST]}
    echo "!! $(date -u +%T) kill -9 host $CRASH_HOST (pid $pid) during the load"
    touch "$D/killed"
    kill -KILL "$pid"
    sleep "$RESTART_AFTER"
    start_host "$CRASH_HOST" false
    echo "!! $(date -u +%T) host $CRASH_HOST restarted (pid ${HOST_PID[$CRASH_HOST]})"
    echo "${HOST_PID[$CRASH_HOST]}" >"$D/restarted.pid"
    wait_ready "$CRASH_HOST"
    echo "!! $(date -u +%T) host $CRASH_HOST ready again"
  ) &
  CRASHER_PID=$!
fi
echo "== hot run: $HOSTS hosts round-robin, $CONCURRENCY clients, 2 lines of $HOT_QUANTITY bottles of $HOT_SKUS (${WARMUP} s + ${HOT_DURATION} s, load average $(loadavg))"
Q "SELECT pg_stat_statements_reset()" >/dev/null
dotnet "$HARNESS_DLL" --url "$URLS" --api-key "$API_KEY" --concurrency "$CONCURRENCY" --duration "$HOT_DURATION" \
  --warmup "$WARMUP" --pid "$PIDS" --label "hot-$HOSTS-hosts-c$CONCURRENCY$MODE_SUFFIX$([[ $CRASH == 1 ]] && echo -crash)" \
  --skus "$HOT_SKUS" --quantity "$HOT_QUANTITY" --csv "$CSV" --requests-log "$REQ" --respond-async "$RESPOND_ASYNC" || true
if [[ -n "$CRASHER_PID" ]]; then
  # The victim may never have answered CRASH_AFTER orders (e.g. the harness failed): then there was no crash to prove.
  [[ -f "$D/killed" ]] || { echo "FAIL  the crash never happened (host $CRASH_HOST answered fewer than $CRASH_AFTER orders)"; exit 1; }
  wait "$CRASHER_PID" || { echo "the crashed host did not come back"; exit 1; }
  CRASHER_PID=""
  HOST_PID[$CRASH_HOST]=$(cat "$D/restarted.pid")
  # the restarted host is a child of the crasher subshell, not of this shell: stop it by pid in cleanup all the same
fi
statements "$RESULTS/$KIND-$STAMP-statements-hot.tsv"

# Load the request log: every request the harness sent, with the answer.
chmod 644 "$REQ"
Q "CREATE TABLE public.lt_requests (n bigint, host int, code int, external_reference text, order_id uuid, number text, status text, phase text)"
Q "\copy public.lt_requests FROM '$REQ' WITH (FORMAT csv, HEADER true)"
echo "== requests: $(Q "SELECT count(*) || ' sent, ' || count(*) FILTER (WHERE code IN (200,201)) || ' accepted (2xx), '
  || count(*) FILTER (WHERE code = 0) || ' transport failures, ' || count(*) FILTER (WHERE code NOT IN (0,200,201)) || ' other errors' FROM lt_requests")"

# ---- drain: no order of this run left in Received, no outbox row undispatched, in every module.
OUTBOX_TABLES=$(Q "SELECT string_agg(format('SELECT %L AS module, * FROM %I.%I', table_schema, table_schema, table_name), ' UNION ALL ')
  FROM information_schema.tables WHERE table_name = 'OutboxMessages'")
INBOX_TABLES=$(Q "SELECT string_agg(format('SELECT %L AS module, * FROM %I.%I', table_schema, table_schema, table_name), ' UNION ALL ')
  FROM information_schema.tables WHERE table_name = 'InboxMessages'")
RUN_ORDERS="SELECT o.* FROM orders.\"Orders\" o JOIN (SELECT DISTINCT external_reference FROM lt_requests) r ON r.external_reference = o.\"ExternalReference\""
echo "== draining (timeout ${DRAIN_TIMEOUT} s): orders in Received / undispatched outbox rows"
t0=$(date +%s)
while :; do
  received=$(Q "SELECT count(*) FROM ($RUN_ORDERS) o WHERE o.\"Status\" = 'Received'")
  pending=$(Q "SELECT count(*) FROM ($OUTBOX_TABLES) m WHERE m.\"ProcessedAt\" IS NULL")
  waited=$(( $(date +%s) - t0 ))
  echo "   ${waited}s: $received in Received, $pending outbox rows pending"
  [[ "$received" == 0 && "$pending" == 0 ]] && break
  (( waited >= DRAIN_TIMEOUT )) && { echo "   drain timed out"; break; }
  sleep 5
done

echo "== webhooks: waiting for queued deliveries (the sender runs every minute on each host)"
for _ in $(seq 36); do
  left=$(Q "SELECT count(*) FROM notifications.\"WebhookDeliveries\" WHERE \"Status\" IN ('Queued', 'Sending')")
  echo "   $left deliveries queued or sending"
  [[ "$left" == 0 ]] && break
  sleep 5
done
chmod 644 "$D/webhooks.csv"
Q "CREATE TABLE public.lt_webhooks (webhook_id uuid, number text)"
Q "\copy public.lt_webhooks FROM '$D/webhooks.csv' WITH (FORMAT csv)"

# ---- invariants
FAILS=0
check() { # <name> <sql returning the number of violations> [<sql listing a few violations>]
  local bad; bad=$(Q "$2")
  if [[ "$bad" == 0 ]]; then echo "PASS  $1"; else
    echo "FAIL  $1: $bad violation(s)"; FAILS=$(( FAILS + 1 ))
    [[ -n "${3:-}" ]] && Q "SELECT * FROM ($3) listing LIMIT 10" | sed 's/^/        /' # LIMIT, not head: no SIGPIPE under pipefail
  fi
}
info() { echo "      $1: $(Q "$2" | paste -sd' ' -)"; }

echo "== invariants"
check "no SKU oversold: 0 <= Reserved <= OnHand on every stock row" \
  "SELECT count(*) FROM inventory.\"StockItems\" WHERE \"Reserved\" > \"OnHand\" OR \"Reserved\" < 0" \
  "SELECT \"Sku\", \"LocationCode\", \"BinCode\", \"OnHand\", \"Reserved\" FROM inventory.\"StockItems\" WHERE \"Reserved\" > \"OnHand\" OR \"Reserved\" < 0"
ALLOC="SELECT s.\"Id\", s.\"Sku\", s.\"LocationCode\", s.\"Reserved\", coalesce(a.q, 0) AS allocated FROM inventory.\"StockItems\" s
  LEFT JOIN (SELECT a.\"StockItemId\", sum(a.\"Quantity\") q FROM inventory.\"ReservationAllocations\" a
             JOIN inventory.\"Reservations\" r ON r.\"Key\" = a.\"ReservationKey\" WHERE r.\"Status\" = 'Active' GROUP BY 1) a
  ON a.\"StockItemId\" = s.\"Id\""
check "every stock row: Reserved = sum of its active reservations' allocations" \
  "SELECT count(*) FROM ($ALLOC) x WHERE x.\"Reserved\" <> x.allocated" "SELECT * FROM ($ALLOC) x WHERE x.\"Reserved\" <> x.allocated"
info "hot SKUs now (sku location on-hand reserved)" "SELECT \"Sku\" || ' ' || \"LocationCode\" || ' ' || sum(\"OnHand\") || ' ' || sum(\"Reserved\") || ';'
  FROM inventory.\"StockItems\" WHERE \"Sku\" = ANY (string_to_array('$HOT_SKUS', ',')) GROUP BY \"Sku\", \"LocationCode\" ORDER BY 1"
check "every 2xx-accepted order exists (same id and number)" \
  "SELECT count(*) FROM lt_requests r LEFT JOIN orders.\"Orders\" o ON o.\"Id\" = r.order_id AND o.\"Number\" = r.number
   WHERE r.code IN (200, 201) AND o.\"Id\" IS NULL"
check "every accepted order is ReadyToFulfill, or OnHold with an active hold giving a reason" \
  "SELECT count(*) FROM lt_requests r JOIN orders.\"Orders\" o ON o.\"Id\" = r.order_id WHERE r.code IN (200, 201)
   AND NOT (o.\"Status\" = 'ReadyToFulfill' OR (o.\"Status\" = 'OnHold' AND EXISTS (SELECT 1 FROM orders.\"OrderHolds\" h
     WHERE h.\"OrderId\" = o.\"Id\" AND h.\"ReleasedAt\" IS NULL AND coalesce(h.\"Reason\", '') <> '')))" \
  "SELECT o.\"Number\", o.\"Status\" FROM lt_requests r JOIN orders.\"Orders\" o ON o.\"Id\" = r.order_id WHERE r.code IN (200, 201)
   AND o.\"Status\" NOT IN ('ReadyToFulfill', 'OnHold') LIMIT 10"
check "no order of this run stuck in Received (failed requests included)" \
  "SELECT count(*) FROM ($RUN_ORDERS) o WHERE o.\"Status\" = 'Received'" \
  "SELECT o.\"Number\", o.\"UpdatedAt\" FROM ($RUN_ORDERS) o WHERE o.\"Status\" = 'Received' LIMIT 10"
check "at most one order per request (idempotency key)" \
  "SELECT count(*) FROM (SELECT o.\"ExternalReference\" FROM ($RUN_ORDERS) o GROUP BY 1 HAVING count(*) > 1) d"
check "ReadyToFulfill orders hold stock: each has an active reservation" \
  "SELECT count(*) FROM ($RUN_ORDERS) o WHERE o.\"Status\" = 'ReadyToFulfill' AND NOT EXISTS (SELECT 1 FROM inventory.\"Reservations\" r
     WHERE r.\"Status\" = 'Active' AND r.\"Key\" = 'order:' || replace(o.\"Id\"::text, '-', ''))"
info "orders on Inventory hold that still hold an active reservation" "SELECT count(*) FROM ($RUN_ORDERS) o WHERE o.\"Status\" = 'OnHold'
  AND EXISTS (SELECT 1 FROM inventory.\"Reservations\" r WHERE r.\"Status\" = 'Active' AND r.\"Key\" = 'order:' || replace(o.\"Id\"::text, '-', ''))"
info "orders of this run by status" "SELECT o.\"Status\" || '=' || count(*) FROM ($RUN_ORDERS) o GROUP BY o.\"Status\" ORDER BY 1"
info "active holds on them by type" "SELECT h.\"Type\" || '=' || count(*) FROM ($RUN_ORDERS) o JOIN orders.\"OrderHolds\" h ON h.\"OrderId\" = o.\"Id\"
  WHERE h.\"ReleasedAt\" IS NULL GROUP BY h.\"Type\" ORDER BY 1"
info "requests that failed at the client but created an order (now status, seconds from placed to last update)" "SELECT o.\"Status\" || '=' || count(*)
  || ' (' || round(min(extract(epoch FROM o.\"UpdatedAt\" - o.\"PlacedAt\"))::numeric, 1) || '-' || round(max(extract(epoch FROM o.\"UpdatedAt\" - o.\"PlacedAt\"))::numeric, 1) || ' s)'
  FROM lt_requests r JOIN orders.\"Orders\" o ON o.\"ExternalReference\" = r.external_reference WHERE r.code NOT IN (200, 201) GROUP BY o.\"Status\" ORDER BY 1"
check "every outbox row dispatched (all modules)" "SELECT count(*) FROM ($OUTBOX_TABLES) m WHERE m.\"ProcessedAt\" IS NULL" \
  "SELECT module, \"Type\", \"Attempts\", left(\"LastError\", 200) FROM ($OUTBOX_TABLES) m WHERE m.\"ProcessedAt\" IS NULL LIMIT 10"
check "inbox: no event handled twice by one handler (all modules)" \
  "SELECT count(*) FROM (SELECT module, \"MessageId\", \"Handler\" FROM ($INBOX_TABLES) i GROUP BY 1, 2, 3 HAVING count(*) > 1) d"
check "emails: at most one per order and subject (no double emails)" \
  "SELECT count(*) FROM (SELECT \"OrderNumber\", \"Subject\" FROM notifications.\"EmailMessages\" GROUP BY 1, 2 HAVING count(*) > 1) d" \
  "SELECT \"OrderNumber\", \"Subject\", count(*) FROM notifications.\"EmailMessages\" GROUP BY 1, 2 HAVING count(*) > 1 LIMIT 10"
check "payments: at most one successful transaction per order and type (no double authorization/capture)" \
  "SELECT count(*) FROM (SELECT \"OrderId\", \"Type\" FROM payments.\"Transactions\" WHERE \"Outcome\" IN ('Approved', 'Succeeded')
     GROUP BY 1, 2 HAVING count(*) > 1) d" \
  "SELECT \"OrderNumber\", \"Type\", count(*) FROM payments.\"Transactions\" WHERE \"Outcome\" IN ('Approved', 'Succeeded') GROUP BY 1, 2 HAVING count(*) > 1 LIMIT 10"
check "payments: one transaction per command key" \
  "SELECT count(*) FROM (SELECT \"CommandKey\" FROM payments.\"Transactions\" WHERE \"CommandKey\" IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d"
check "webhooks: every accepted order has exactly one order.received delivery, and it is Sent" \
  "SELECT count(*) FROM (SELECT DISTINCT number FROM lt_requests WHERE code IN (200, 201)) r WHERE (SELECT count(*) FROM notifications.\"WebhookDeliveries\" d
     WHERE d.\"Subject\" = r.number AND d.\"EventType\" = 'order.received' AND d.\"Status\" = 'Sent') <> 1"
check "webhooks: the receiver got every Sent delivery" \
  "SELECT count(*) FROM notifications.\"WebhookDeliveries\" d WHERE d.\"Status\" = 'Sent' AND NOT EXISTS (SELECT 1 FROM lt_webhooks w WHERE w.webhook_id = d.\"Id\")"
check "webhooks: no order received under two delivery ids (no double delivery)" \
  "SELECT count(*) FROM (SELECT number FROM lt_webhooks GROUP BY 1 HAVING count(DISTINCT webhook_id) > 1) d"
info "webhook posts received / the same id posted again (a host killed mid-post)" "SELECT count(*) || ' / ' || (count(*) - count(DISTINCT webhook_id)) FROM lt_webhooks"
info "payment transactions (type outcome count)" "SELECT \"Type\" || '/' || \"Outcome\" || '=' || count(*) FROM payments.\"Transactions\" GROUP BY \"Type\", \"Outcome\" ORDER BY 1"
info "emails (status count)" "SELECT \"Status\" || '=' || count(*) FROM notifications.\"EmailMessages\" GROUP BY \"Status\" ORDER BY 1"

echo "== work spread over the hosts"
# LockedBy is "<machine>:<pid>:<guid>" of the dispatching host; the row keeps it after dispatch.
info "outbox rows dispatched per host pid" "SELECT 'pid ' || split_part(\"LockedBy\", ':', 2) || '=' || count(*) FROM ($OUTBOX_TABLES) m
  WHERE \"ProcessedAt\" IS NOT NULL GROUP BY split_part(\"LockedBy\", ':', 2) ORDER BY 1"
dispatchers=$(Q "SELECT count(DISTINCT split_part(\"LockedBy\", ':', 2)) FROM ($OUTBOX_TABLES) m WHERE \"ProcessedAt\" IS NOT NULL")
info "hangfire servers registered" "SELECT count(*) FROM hangfire.server"
info "hangfire jobs run per server" "SELECT (s.data::json ->> 'ServerId') || '=' || count(*) FROM hangfire.state s
  WHERE s.name = 'Processing' GROUP BY s.data::json ->> 'ServerId' ORDER BY 1"
job_servers=$(Q "SELECT count(DISTINCT split_part(s.data::json ->> 'ServerId', ':', 2)) FROM hangfire.state s WHERE s.name = 'Processing'")
if (( dispatchers >= 2 || job_servers >= 2 )); then
  echo "PASS  work spread: outbox dispatched by $dispatchers host(s), Hangfire jobs run by $job_servers host(s)"
else
  echo "FAIL  work spread: outbox dispatched by $dispatchers host(s), Hangfire jobs run by $job_servers host(s)"; FAILS=$(( FAILS + 1 ))
fi

echo
echo "== results ($(nproc) cores, load average $(loadavg)); log ${LOG#$ROOT/}, rows ${CSV#$ROOT/}"
column -s, -t <"$CSV" 2>/dev/null | cut -c1-220 || cat "$CSV"
if (( FAILS == 0 )); then echo "ALL INVARIANTS PASS"; else echo "$FAILS INVARIANT(S) FAILED"; exit 1; fi
