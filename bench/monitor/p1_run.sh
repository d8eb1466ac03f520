#!/usr/bin/env bash
# P1: wrk (64 connections, 20 s) against Vitaal's /api/v1/data and datasette on the same SQLite file,
# one after the other in the same run (never both servers at once: the machine has 2 cores).
#
# Usage: bench/monitor/p1_run.sh DATA_DIR [VITAAL_BIN] [DATASETTE_BIN]
#   DATA_DIR      made by bench/monitor/p1_generate.py (vitaal.sqlite with 400 x 50 x 20 values)
#   VITAAL_BIN    default .build-release/release/vitaal (a release build)
#   DATASETTE_BIN default bench/.venv/bin/datasette (python3 -m venv bench/.venv && bench/.venv/bin/pip install datasette)
# Env: WRK_THREADS (2), WRK_CONNECTIONS (64), WRK_DURATION (20s), VITAAL_PORT (8931), DATASETTE_PORT (8932).
# Output: bench/out/p1-TIMESTAMP/*.txt (git-ignored) and a summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA_DIR=${1:?DATA_DIR}
BIN=${2:-.build-release/release/vitaal}
DATASETTE=${3:-bench/.venv/bin/datasette}
T=${WRK_THREADS:-2}; C=${WRK_CONNECTIONS:-64}; D=${WRK_DURATION:-20s}
VP=${VITAAL_PORT:-8931}; DP=${DATASETTE_PORT:-8932}
OUT=bench/out/p1-$(date -u +%Y%m%dT%H%M%S); mkdir -p "$OUT"
DB="$DATA_DIR/vitaal.sqlite"
HERE=bench/monitor
SERVER_PID=""
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

# Waits until the server has finished the requests wrk left in flight (its CPU time stops growing).
drain() { local pid=$1 a b
  for _ in $(seq 1 120); do
    a=$(awk '{print $14+$15}' /proc/$pid/stat); sleep 1; b=$(awk '{print $14+$15}' /proc/$pid/stat)
    [ $((b - a)) -lt 5 ] && return 0
  done; }
wait_for() { for _ in $(seq 1 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "server did not start: $1" >&2; exit 1; }
run_wrk() { # name url [lua]
  local name=$1 url=$2 lua=${3:-}
  echo "== $name" >&2
  if [ -n "$lua" ]; then wrk -t"$T" -c"$C" -d"$D" --latency --timeout 10s -s "$lua" "$url" > "$OUT/$name.txt"
  else wrk -t"$T" -c"$C" -d"$D" --latency --timeout 10s "$url" > "$OUT/$name.txt"; fi
  cat "$OUT/$name.txt" >&2
  drain "$SERVER_PID"
}

{ echo "date: $(date -u)"; echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"; echo "load before: $(cat /proc/loadavg)"
  echo "vitaal: $BIN ($(file -b "$BIN" | cut -c1-60))"; echo "datasette: $($DATASETTE --version)"; echo "wrk: -t$T -c$C -d$D"
  echo "db: $DB $(du -h "$DB" | cut -f1)"; } > "$OUT/conditions.txt"
cat "$OUT/conditions.txt" >&2

# ---- Vitaal (release, no demo data, default logging to a file)
VITAAL_DATA_DIR="$DATA_DIR" VITAAL_DEMO=0 PORT=$VP "$BIN" serve > "$OUT/vitaal-server.log" 2>&1 &
SERVER_PID=$!
wait_for "http://127.0.0.1:$VP/api/v1/indicators"
URL="http://127.0.0.1:$VP/api/v1/data?indicator=p1_ind_07&pageSize=10000"
curl -s "$URL" -o "$OUT/vitaal-sample.json"
python3 - "$OUT/vitaal-sample.json" >&2 <<'EOF'
import json, os, sys
d = json.load(open(sys.argv[1]))
print(f"vitaal answer: {len(d['items'])} items, total {d['total']}, {os.path.getsize(sys.argv[1]):,} bytes")
assert len(d["items"]) == 8000, "expected 8,000 rows"
EOF
# single-request latency, cache-busting (different pageSize each time), 20 sequential requests
CPU0=$(awk '{print $14+$15}' /proc/$SERVER_PID/stat)
for i in $(seq 1 20); do curl -s -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$VP/api/v1/data?indicator=p1_ind_$(printf %02d $((i % 50 + 1)))&pageSize=$((9000 + i))"; done > "$OUT/vitaal-uncached-serial.txt"
echo $(( $(awk '{print $14+$15}' /proc/$SERVER_PID/stat) - CPU0 )) > "$OUT/vitaal-uncached-serial-cputicks.txt"
run_wrk vitaal-uncached "http://127.0.0.1:$VP" $HERE/p1_vitaal_uncached.lua
run_wrk vitaal-rotate50 "http://127.0.0.1:$VP" $HERE/p1_vitaal_rotate.lua
run_wrk vitaal-fixed "$URL"
echo "vitaal max RSS (VmHWM): $(grep VmHWM /proc/$SERVER_PID/status)" >> "$OUT/conditions.txt"
cleanup; SERVER_PID=""
sleep 2

# ---- datasette on the same file (read-only), the same rows and fields with one SQL query
SQL="select v.indicator_code as indicator, i.name as indicatorName, v.region_code as region, r.name as regionName, v.period, v.value, v.status, v.missing_reason as missingReason, v.note, i.unit, i.source, i.licence from monitor_values v join monitor_indicators i on i.code = v.indicator_code join regions r on r.code = v.region_code where v.indicator_code = :ind order by v.indicator_code, v.region_code, v.period_sort"
ENC=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$SQL")
export DATASETTE_PATH="/vitaal.json?sql=$ENC&_shape=array"
"$DATASETTE" serve "$DB" -p "$DP" --setting max_returned_rows 10000 --setting sql_time_limit_ms 10000 > "$OUT/datasette-server.log" 2>&1 &
SERVER_PID=$!
wait_for "http://127.0.0.1:$DP/-/versions.json"
DURL="http://127.0.0.1:$DP$DATASETTE_PATH&ind=p1_ind_07"
curl -s "$DURL" -o "$OUT/datasette-sample.json"
python3 - "$OUT/datasette-sample.json" >&2 <<'EOF'
import json, os, sys
d = json.load(open(sys.argv[1]))
print(f"datasette answer: {len(d)} rows, {os.path.getsize(sys.argv[1]):,} bytes")
assert len(d) == 8000, "expected 8,000 rows"
EOF
CPU0=$(awk '{print $14+$15}' /proc/$SERVER_PID/stat)
for i in $(seq 1 20); do curl -s -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$DP$DATASETTE_PATH&ind=p1_ind_$(printf %02d $((i % 50 + 1)))"; done > "$OUT/datasette-serial.txt"
echo $(( $(awk '{print $14+$15}' /proc/$SERVER_PID/stat) - CPU0 )) > "$OUT/datasette-serial-cputicks.txt"
run_wrk datasette-rotate50 "http://127.0.0.1:$DP" $HERE/p1_datasette_rotate.lua
run_wrk datasette-fixed "$DURL"
echo "datasette max RSS (VmHWM): $(grep VmHWM /proc/$SERVER_PID/status)" >> "$OUT/conditions.txt"
cleanup; SERVER_PID=""
echo "load after: $(cat /proc/loadavg)" >> "$OUT/conditions.txt"

python3 $HERE/p1_summary.py "$OUT"
