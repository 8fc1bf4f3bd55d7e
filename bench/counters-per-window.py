#!/usr/bin/env python3
"""Sums the runtime's counters (dotnet-counters collect --format csv) over each window of a label-release run.

usage: counters-per-window.py <run>.log <counters>.csv[.gz]
The windows come from the run's log: "[HH:MM:SS] intake alone (before): N orders in S s" ends a window of S seconds.
Rates (increments) are summed and divided by the window's orders; gauges are averaged.
"""
import csv
import gzip
import re
import sys
from collections import defaultdict
from datetime import datetime, timedelta

log_path, counters_path = sys.argv[1], sys.argv[2]
window_line = re.compile(r"^\[(\d\d:\d\d:\d\d)\] intake (alone \(before\)|during the release|alone \(after\)|warm-up \(not counted\)): (\d+) orders in ([\d.]+) s")
windows = []
for line in open(log_path, encoding="utf-8"):
    m = window_line.match(line)
    if m:
        end = datetime.strptime(m.group(1), "%H:%M:%S").time()
        windows.append((m.group(2).split(" (")[0] if "warm" not in m.group(2) else "warm-up", m.group(2), end, int(m.group(3)), float(m.group(4))))

rows = []
with (gzip.open if counters_path.endswith(".gz") else open)(counters_path, "rt", encoding="utf-8") as f:
    for r in csv.reader(f):
        if not r or r[0] == "Timestamp":
            continue
        try:
            at = datetime.strptime(r[0].split(".")[0], "%m/%d/%Y %H:%M:%S")
        except ValueError:
            continue
        name = re.sub(r" \([^)]*\)", "", r[2]).replace("dotnet.", "").replace("gc.heap.generation=", "")
        rows.append((at, name, r[3], float(r[4])))
# The thread pool's thread count and queue length are up-down counters, reported as their change a second: add them up
# into a level from the start of the recording.
levels = defaultdict(float)
for i, (at, name, kind, value) in enumerate(rows):
    if "thread.count" in name or "queue.length" in name:
        levels[name] += value
        rows[i] = (at, name + " (change since start)", "Metric", levels[name])
if not rows:
    sys.exit("no counter rows in " + counters_path)
day = rows[0][0].date()

print(f"{'counter':58}" + "".join(f"{w[1][:22]:>24}" for w in windows))
per_window = []
for _, label, end_t, orders, seconds in windows:
    end = datetime.combine(day, end_t)
    if end < rows[0][0] - timedelta(hours=1):
        end += timedelta(days=1)
    start = end - timedelta(seconds=seconds)
    sums, gauges = defaultdict(float), defaultdict(list)
    for at, name, kind, value in rows:
        if start < at <= end:
            if kind.startswith("Rate") or "Increment" in kind or "Sum" in kind:
                sums[name] += value
            else:
                gauges[name].append(value)
    per_window.append((orders, seconds, sums, {k: sum(v) / len(v) for k, v in gauges.items() if v}))

names = sorted({n for w in per_window for n in list(w[2]) + list(w[3])})
print(f"{'orders/s':58}" + "".join(f"{o / s:>24.1f}" for o, s, _, _ in per_window))
for name in names:
    cells = []
    for orders, seconds, sums, gauges in per_window:
        if name in sums:
            cells.append(f"{sums[name] / max(orders, 1):>16.4g}/order")
        elif name in gauges:
            cells.append(f"{gauges[name]:>18.4g} mean")
        else:
            cells.append(f"{'-':>24}")
    print(f"{name[:58]:58}" + "".join(cells))
