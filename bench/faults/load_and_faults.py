#!/usr/bin/env python3
"""Load and fault checks (issue #14, item 3). Run on demand, never in CI:

    python3 bench/faults/load_and_faults.py WORK_DIR [--bin .build-release/release/vitaal]
        [--pg postgres://vitaal:vitaal@127.0.0.1:5432/vitaal_faults?sslmode=disable] [--values 1000000]

1. Load: `vitaal serve` with the demo data on SQLite; wrk 60 s at 128 connections rotating over a
   page (/monitor), and two API routes (/api/v1/indicators, /api/v1/data?indicator=…). Pass: 0
   socket errors, 0 non-2xx answers, RSS growth < 10 % from after a warm-up run to the end.
2. Stop under load: SIGTERM while wrk runs. Pass: exit code 0 within 30 s, no crash report.
3. kill -9 during an import of N values (default 1,000,000) on SQLite, and on PostgreSQL when --pg
   names an empty database. Pass: after the kill no value and no import batch of it is stored,
   `PRAGMA integrity_check` is ok (SQLite), and the server starts again and answers /ready.
Prints one line per check and a summary; exits non-zero when a check fails. WORK_DIR must not
exist (generated files stay there; never commit them).
"""
import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "monitor"))
from p1_generate import prepare, regions, run, write_values  # noqa: E402

PORT = 18097
BASE = f"http://127.0.0.1:{PORT}"
RESULTS = []


def check(name, ok, detail):
    RESULTS.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}", flush=True)


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def serve(binary, env):
    proc = subprocess.Popen([binary, "serve"], env=dict(env, PORT=str(PORT), LOG_LEVEL="error"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(600):
        try:
            with urllib.request.urlopen(BASE + "/ready", timeout=2) as r:
                if r.status == 200:
                    return proc
        except Exception:
            time.sleep(0.5)
        if proc.poll() is not None:
            sys.exit("server did not start: " + proc.stderr.read().decode()[-2000:])
    sys.exit("server did not become ready")


WRK_SCRIPT = """
local paths = {"/monitor", "/api/v1/indicators", "/api/v1/data?indicator=bw_ervaren_gezondheid"}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
local non2xx = 0
response = function(status) if status >= 300 then non2xx = non2xx + 1 end end
done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d non2xx_status=%d p99_ms=%.1f\\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(99) / 1000))
end
"""


def wrk(seconds, connections, script):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script,
                          BASE], capture_output=True, text=True)
    line = [l for l in out.stdout.splitlines() if l.startswith("requests=")]
    values = dict(kv.split("=") for kv in line[-1].split()) if line else {}
    return {k: float(v) for k, v in values.items()}


def load_checks(binary, work):
    data_dir = os.path.join(work, "load")
    env = dict(os.environ, VITAAL_DATA_DIR=data_dir, VITAAL_DEMO="1")
    env.pop("DATABASE_URL", None)
    script = os.path.join(work, "rotate.lua")
    with open(script, "w") as f:
        f.write(WRK_SCRIPT)
    server = serve(binary, env)
    wrk(10, 128, script)  # warm-up: caches, connection pools
    before = rss_mib(server.pid)
    result = wrk(60, 128, script)
    after = rss_mib(server.pid)
    growth = (after - before) / before * 100 if before else 0
    errors = result.get("errors", -1) + result.get("non2xx_status", -1)
    check("load 60 s × 128 connections", errors == 0 and growth < 10,
          f"{int(result.get('requests', 0))} requests, {int(errors)} errors, p99 {result.get('p99_ms', 0):.0f} ms, "
          f"RSS {before:.0f} → {after:.0f} MiB ({growth:+.1f} %)")
    # Stop under load.
    load = subprocess.Popen(["wrk", "-t2", "-c64", "-d20s", "-s", script, BASE], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(5)
    t0 = time.monotonic()
    server.send_signal(signal.SIGTERM)
    try:
        code = server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        code = "timeout"
    stderr = server.stderr.read().decode(errors="replace")
    crashed = "Fatal error" in stderr or "Stack dump" in stderr or "Segmentation" in stderr
    check("SIGTERM under load", code == 0 and not crashed,
          f"exit {code} after {time.monotonic() - t0:.1f} s{', crash report in stderr' if crashed else ''}")
    load.wait()


def kill_during_import_sqlite(binary, work, values):
    data_dir = os.path.join(work, "kill-sqlite")
    env, db_path, codes, regs = prepare(data_dir, binary)
    months = max(1, values // (len(codes) * len(regs)))
    csv_path = os.path.join(work, f"values-{months}.csv")
    n = write_values(csv_path, codes, regs, [f"{2000 + m // 12}-{m % 12 + 1:02d}" for m in range(months)], seed=7)
    proc = subprocess.Popen([binary, "import", "data", csv_path], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    # Kill once the import is writing: the WAL file has grown past 5 MB.
    wal = db_path + "-wal"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        if os.path.exists(wal) and os.path.getsize(wal) > 5_000_000:
            break
        time.sleep(0.05)
    finished = proc.poll() is not None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db_path)
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    stored = con.execute("SELECT count(*) FROM monitor_values").fetchone()[0]
    con.close()
    check("kill -9 during import (SQLite)", not finished and integrity == "ok" and stored == 0,
          f"{n} values, killed {'after it finished' if finished else 'while writing'}; integrity_check {integrity}; "
          f"{stored} values stored")
    server = serve(binary, env)
    server.send_signal(signal.SIGTERM)
    check("restart after kill (SQLite)", server.wait(timeout=30) == 0, "served /ready, stopped cleanly")


def psql(url, sql):
    return subprocess.run(["psql", "-qtA", url, "-c", sql], capture_output=True, text=True, check=True).stdout.strip()


def kill_during_import_postgres(binary, work, values, url):
    env = dict(os.environ, DATABASE_URL=url, VITAAL_DEMO="0")
    if psql(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") != "0":
        sys.exit(f"{url} is not empty")
    run([binary, "migrate"], env)
    # Regions and indicators as p1_generate makes them (indicator rows through psql: no CLI yet).
    data_dir = os.path.join(work, "kill-pg")
    os.makedirs(data_dir)
    import json
    from p1_generate import polygon
    regs = regions()
    geo = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": dict({"statcode": c, "statnaam": nm}, **({"parent": p} if p else {})),
         "geometry": polygon(*shape)} for c, nm, p, shape in regs]}
    geo_path = os.path.join(data_dir, "regions.geojson")
    with open(geo_path, "w") as f:
        json.dump(geo, f)
    run([binary, "import", "regions", geo_path], env)
    codes = [f"p1_ind_{i:02d}" for i in range(1, 51)]
    rows = ",".join(
        f"(gen_random_uuid(), '{c}', 'Benchmarkindicator {i + 1}', 'Gegenereerd (voorbeelddata).', '%', 1, "
        f"'neutral', 'Vitaal benchmark', 'CC BY 4.0', 'outcome', false, 0, 100, 'public', now())"
        for i, c in enumerate(codes))
    psql(url, "INSERT INTO monitor_indicators (id, code, name, description, unit, decimals, polarity, source, "
              f"licence, level, is_count, range_min, range_max, visibility, updated_at) VALUES {rows}")
    months = max(1, values // (len(codes) * len(regs)))
    csv_path = os.path.join(work, f"values-{months}.csv")
    if not os.path.exists(csv_path):
        write_values(csv_path, codes, regs, [f"{2000 + m // 12}-{m % 12 + 1:02d}" for m in range(months)], seed=7)
    proc = subprocess.Popen([binary, "import", "data", csv_path], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(8)  # parsing 1M rows takes several seconds; then it writes
    finished = proc.poll() is not None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(1)
    stored = psql(url, "SELECT count(*) FROM monitor_values")
    check("kill -9 during import (PostgreSQL)", not finished and stored == "0",
          f"killed {'after it finished' if finished else 'while importing'}; {stored} values stored")
    server = serve(binary, env)
    server.send_signal(signal.SIGTERM)
    check("restart after kill (PostgreSQL)", server.wait(timeout=30) == 0, "served /ready, stopped cleanly")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("--bin", default=".build-release/release/vitaal")
    ap.add_argument("--pg")
    ap.add_argument("--values", type=int, default=1_000_000)
    a = ap.parse_args()
    if os.path.exists(a.work) and os.listdir(a.work):
        sys.exit(f"{a.work} is not empty")
    os.makedirs(a.work, exist_ok=True)
    binary = os.path.abspath(a.bin)
    load_checks(binary, a.work)
    kill_during_import_sqlite(binary, a.work, a.values)
    if a.pg:
        kill_during_import_postgres(binary, a.work, a.values, a.pg)
    print(f"load and faults: {sum(RESULTS)} of {len(RESULTS)} checks passed")
    sys.exit(0 if all(RESULTS) else 1)


if __name__ == "__main__":
    main()
