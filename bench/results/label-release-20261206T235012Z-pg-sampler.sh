#!/usr/bin/env bash
# samples PG + host each second during the release window of a running bench-label-release run
LOG=$1; OUT=$2
while ! grep -q "release: staff release" "$LOG" 2>/dev/null; do sleep 0.5; done
PORT=$(ps -eo args | grep -oP 'postgres -D /tmp/label-release\S+ -p \K[0-9]+' | head -1)
[[ -z "$PORT" ]] && PORT=$(ps -eo args | grep -oP '\-p \K[0-9]+(?= -k /tmp/label-release)' | head -1)
HOST=$(pgrep -f "OrderHub.Web.dll" | head -1)
PSQL="psql -h 127.0.0.1 -p $PORT -U postgres -d orderhub -At -F |"
echo "t|orders|vacuum|checkpoints|waits|active|hostcpu_ticks" > "$OUT"
for i in $(seq 1 115); do
  row=$(runuser -u postgres -- psql -h 127.0.0.1 -p "$PORT" -U postgres -d orderhub -At -F '|' -c "SELECT (SELECT count(*) FROM orders.\"Orders\"), (SELECT coalesce(string_agg(relid::regclass::text || ':' || phase, ','),'') FROM pg_stat_progress_vacuum), (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter), (SELECT coalesce(string_agg(wait_event_type || '/' || wait_event, ','),'') FROM pg_stat_activity WHERE state = 'active' AND wait_event IS NOT NULL AND backend_type = 'client backend'), (SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend')" 2>&1)
  cpu=$(awk '{print $14+$15}' /proc/$HOST/stat 2>/dev/null)
  echo "$(date +%H:%M:%S)|$row|$cpu" >> "$OUT"
  sleep 0.9
done
