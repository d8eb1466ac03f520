#!/usr/bin/env bash
# P5: server time and page weight of the monitor's indicator page on a release build with the demo data.
#
# Usage: bench/monitor/p5_run.sh [VITAAL_BIN]   (default .build-release/release/vitaal)
# Env: VITAAL_PORT (8933), P5_REQUESTS (300 sequential requests per measurement), P5_DATA_DIR (fresh temp dir).
# A fresh data dir is created: the first `serve` migrates and loads the demo data (VITAAL_DEMO on).
# Output: bench/out/p5-TIMESTAMP/ (git-ignored) and a summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build-release/release/vitaal}
PORT=${VITAAL_PORT:-8933}; N=${P5_REQUESTS:-300}
DATA=${P5_DATA_DIR:-$(mktemp -d /tmp/vitaal-p5.XXXXXX)}
OUT=bench/out/p5-$(date -u +%Y%m%dT%H%M%S); mkdir -p "$OUT"
SERVER_PID=""
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

{ echo "date: $(date -u)"; echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"; echo "load before: $(cat /proc/loadavg)"
  echo "vitaal: $BIN"; echo "data dir: $DATA"; } > "$OUT/conditions.txt"

VITAAL_DATA_DIR="$DATA" PORT=$PORT VITAAL_DEMO_PASSWORD=demo-wachtwoord-123 "$BIN" serve > "$OUT/vitaal-server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/monitor" && break; sleep 0.2; done
BASE="http://127.0.0.1:$PORT"
MAIN="/monitor/indicator/bw_ervaren_gezondheid?regio=GM0995"

# page weight: HTML as sent (no compression) and the one stylesheet the page links
curl -s -o "$OUT/page.html" -w "%{http_code} %{size_download}\n" "$BASE$MAIN" > "$OUT/page-size.txt"
curl -s -o "$OUT/vitaal.css" -w "%{http_code} %{size_download}\n" "$BASE/static/vitaal.css" > "$OUT/css-size.txt"
curl -s -o /dev/null -w "%{http_code} %{size_download}\n" "$BASE/static/favicon.svg" > "$OUT/icon-size.txt"
grep -o '<link[^>]*>\|<img[^>]*>\|<script[^>]*>' "$OUT/page.html" > "$OUT/page-assets.txt" || true
# warm-up
for _ in $(seq 1 20); do curl -s -o /dev/null "$BASE$MAIN"; done

# sequential requests, one at a time: time to first byte (server time + loopback) and total
seq_measure() { # name path...
  local name=$1; shift
  : > "$OUT/$name.txt"
  local before; before=$(awk '{print $14+$15}' /proc/$SERVER_PID/stat)
  for i in $(seq 1 "$N"); do
    local p=${@:$(( (i - 1) % $# + 1 )):1}
    curl -s -o /dev/null -w "%{time_starttransfer} %{time_total} %{size_download} %{http_code}\n" "$BASE$p" >> "$OUT/$name.txt"
  done
  # server CPU time (user+system, clock ticks of 1/100 s) spent on these requests: load-independent work per page
  echo $(( $(awk '{print $14+$15}' /proc/$SERVER_PID/stat) - before )) > "$OUT/$name-cputicks.txt"
}
seq_measure main "$MAIN"
# all public indicators for all municipalities, Flevoland and NL in turn
CODES=$(curl -s "$BASE/api/v1/indicators" | python3 -c 'import json,sys; print(" ".join(i["code"] for i in json.load(sys.stdin)))')
PATHS=()
for c in $CODES; do for r in GM0034 GM0995 GM0303 GM0171 GM0050 GM0184 PV24 NL01; do PATHS+=("/monitor/indicator/$c?regio=$r"); done; done
seq_measure all-indicators "${PATHS[@]}"
# throughput with 8 concurrent connections, for reference
wrk -t2 -c8 -d10s --latency "$BASE$MAIN" > "$OUT/wrk-c8.txt"
# let the server finish what wrk left in flight before stopping it (stopping it with requests in flight
# crashes in Fluent's Request.db: the databases are shut down before the requests end)
for _ in $(seq 1 60); do a=$(awk '{print $14+$15}' /proc/$SERVER_PID/stat); sleep 1; [ $(( $(awk '{print $14+$15}' /proc/$SERVER_PID/stat) - a )) -lt 5 ] && break; done
echo "vitaal max RSS (VmHWM): $(grep VmHWM /proc/$SERVER_PID/status)" >> "$OUT/conditions.txt"
cleanup; SERVER_PID=""
echo "load after: $(cat /proc/loadavg)" >> "$OUT/conditions.txt"
[ -z "${P5_DATA_DIR:-}" ] && rm -rf "$DATA"

python3 - "$OUT" <<'EOF'
import re, statistics, sys
from pathlib import Path
out = Path(sys.argv[1])
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]
code, size = (out / "page-size.txt").read_text().split()
ccode, csize = (out / "css-size.txt").read_text().split()
icode, isize = (out / "icon-size.txt").read_text().split()
total = int(size) + int(csize) + int(isize)
print(f"page weight {out.name}: HTML {int(size):,} bytes (HTTP {code}), stylesheet {int(csize):,} bytes, favicon {int(isize):,} bytes, "
      f"together {total:,} bytes = {total / 1024:.1f} KiB (goal <= 150 KB)")
print("assets linked by the page:", (out / "page-assets.txt").read_text().strip().replace("\n", " "))
for name in ("main", "all-indicators"):
    rows = [l.split() for l in (out / f"{name}.txt").read_text().splitlines()]
    ttfb = [float(r[0]) * 1000 for r in rows]; sizes = [int(r[2]) for r in rows]
    codes = sorted(set(r[3] for r in rows))
    cpu = int((out / f"{name}-cputicks.txt").read_text()) * 10 / len(rows)
    print(f"{name}: {len(rows)} sequential requests, time to first byte p50 {statistics.median(ttfb):.2f} ms, p90 {pct(ttfb, 90):.2f} ms, "
          f"p99 {pct(ttfb, 99):.2f} ms, max {max(ttfb):.2f} ms; server CPU {cpu:.1f} ms/request; HTML {min(sizes):,}-{max(sizes):,} bytes; HTTP {codes}")
t = (out / "wrk-c8.txt").read_text()
print("wrk -c8 10s:", re.search(r"Requests/sec:\s+\S+", t).group(0), "| p50", re.search(r"50%\s+(\S+)", t).group(1), "| p99", re.search(r"99%\s+(\S+)", t).group(1))
print((out / "conditions.txt").read_text())
EOF
