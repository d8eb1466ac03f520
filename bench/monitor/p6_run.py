#!/usr/bin/env python3
"""P6 (issue #20): memory with 10,000,000 values stored and served.

Usage: python3 bench/monitor/p6_run.py WORK_DIR [--bin PATH_TO_VITAAL] [--values N] [--months 50]
           [--duration 30] [--connections 64] [--threads 2]

Data: a fresh Vitaal data dir with 400 regions (p1_generate.prepare) and N / (400 x months) indicator
definitions (10,000,000 values = 500 indicators x 400 regions x 50 months by default; the first 50 are
p1_generate's, the others are inserted the same way), filled by one `vitaal import data` per 50
indicators (1,000,000 values per CSV at full scale, each CSV removed after its import). The peak RSS of
every import process is read from wait4's rusage; the largest is reported (goal <= 150 MB).

Serving: `vitaal serve` on that file; wrk drives a mix for --duration seconds (each request picks one
of these by its number, with the indicator in turn over all indicators so that most answers are built
from the database, not the answer cache):
  - a whole indicator-month window as JSON, 400 regions x 20 months = 8,000 rows (streamed),
  - the same as CSV (`format=csv`, streamed),
  - a dashboard-sized query: 8 regions x 10 months (80 rows, built whole and cached),
  - the indicator list (`/api/v1/indicators`).
The server's VmRSS is sampled from /proc/PID/status every 0.2 s; reported: RSS after start, the largest
sample while serving and VmHWM (the kernel's peak) at the end (goal <= 300 MB). The SQLite page cache
is part of that figure. Nothing goes into git; WORK_DIR keeps the wrk output and the server log.
"""
import argparse
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from p1_generate import prepare  # noqa: E402
from p1_run import DASHBOARD_REGIONS, lua_rotating, periods, start, stop, wrk  # noqa: E402
from p2_run import timed, write_csv  # noqa: E402

PER_IMPORT = 50  # indicators per `vitaal import data` run


def add_indicators(db_path, first, last):
    """Indicator definitions p6_ind_FIRST..LAST, in the row layout p1_generate.prepare writes."""
    con = sqlite3.connect(db_path)
    codes = [f"p6_ind_{i:03d}" for i in range(first, last + 1)]
    with con:
        for i, code in enumerate(codes):
            con.execute(
                "INSERT INTO monitor_indicators (id, code, name, description, unit, decimals, polarity, source, licence,"
                " level, is_count, norm_value, norm_comparison, norm_source, range_min, range_max, visibility,"
                " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (str(uuid.uuid4()).upper(), code, f"Benchmarkindicator P6 {first + i}",
                 "Gegenereerde indicator voor benchmark P6 (voorbeelddata).", "%", 1,
                 ["higherIsBetter", "lowerIsBetter", "neutral"][i % 3], "Vitaal benchmark (gegenereerd)",
                 "CC BY 4.0", "outcome", 0, None, None, None, 0.0, 100.0, "public", time.time()))
    con.close()
    return codes


class RSSSampler(threading.Thread):
    """Samples VmRSS (KiB) of one process until stopped; keeps the largest sample."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.samples, self.done = pid, 0, 0, threading.Event()

    def run(self):
        while not self.done.is_set():
            self.peak = max(self.peak, status(self.pid, "VmRSS"))
            self.samples += 1
            time.sleep(0.2)


def status(pid, field):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(field + r":\s+(\d+)", f.read()).group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work_dir")
    ap.add_argument("--bin", default=".build-release/release/vitaal")
    ap.add_argument("--values", type=int, default=10_000_000)
    ap.add_argument("--months", type=int, default=50)
    ap.add_argument("--duration", type=int, default=30, help="seconds of wrk")
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--port", type=int, default=8951)
    a = ap.parse_args()
    if os.path.exists(a.work_dir) and os.listdir(a.work_dir):
        sys.exit(f"{a.work_dir} is not empty")
    os.makedirs(a.work_dir, exist_ok=True)
    a.bin = os.path.abspath(a.bin)
    print(f"load average before: {os.getloadavg()[0]:.2f}; vitaal {a.bin}", flush=True)

    data_dir = os.path.join(a.work_dir, "data")
    env, db_path, codes, regs = prepare(data_dir, a.bin)
    n_ind = max(1, a.values // (len(regs) * a.months))
    codes = codes[:n_ind] + (add_indicators(db_path, len(codes) + 1, n_ind) if n_ind > len(codes) else [])
    imports = []
    t_all = time.monotonic()
    for start_at in range(0, len(codes), PER_IMPORT):
        part = codes[start_at:start_at + PER_IMPORT]
        csv_path = os.path.join(a.work_dir, "values.csv")
        n = write_csv(csv_path, part, regs, a.months)
        secs, rss = timed([a.bin, "import", "data", csv_path], env)
        os.remove(csv_path)
        imports.append((n, secs, rss))
        print(f"import {len(imports)}: {n:,} values in {secs:.1f} s, peak RSS {rss:.0f} MiB", flush=True)
    total = sum(n for n, _, _ in imports)
    con = sqlite3.connect(db_path)
    (count,) = con.execute("SELECT count(*) FROM monitor_values").fetchone()
    con.close()
    if count != total:
        sys.exit(f"Vitaal stored {count} values, expected {total}")
    print(f"data: {total:,} values in {time.monotonic() - t_all:.0f} s; {os.path.getsize(db_path) / 1e6:.0f} MB file",
          flush=True)

    stored = periods(db_path, codes[0])
    window, dash = stored[:20], stored[:10]
    base = f"http://127.0.0.1:{a.port}"
    server = start([a.bin, "serve"], dict(env, PORT=str(a.port)), os.path.join(a.work_dir, "vitaal-server.log"),
                   f"{base}/api/v1/indicators")
    try:
        idle = status(server.pid, "VmRSS")
        sampler = RSSSampler(server.pid)
        sampler.start()
        lua_codes = "{" + ",".join(f"'{c}'" for c in codes) + "}"
        big = f"from={window[0][0]}&to={window[-1][0]}&pageSize=10000"
        small = f"region={','.join(DASHBOARD_REGIONS)}&from={dash[0][0]}&to={dash[-1][0]}"
        # n = 64 x (the thread's request count r) + thread id t: kind (r + t) % 4, indicator (r + 7t) in turn.
        path = ("(function() local r, t = math.floor(n / 64), n % 64\n"
                "  local c = codes[((r + 7 * t) % #codes) + 1]; local k = (r + t) % 4\n"
                f"  if k == 0 then return '/api/v1/data?indicator=' .. c .. '&{big}'\n"
                f"  elseif k == 1 then return '/api/v1/data?indicator=' .. c .. '&{big}&format=csv'\n"
                f"  elseif k == 2 then return '/api/v1/data?indicator=' .. c .. '&{small}'\n"
                "  else return '/api/v1/indicators' end end)()")
        mix = wrk("p6-mix", base, f"local codes = {lua_codes}\n" + lua_rotating(path), a.work_dir, a, server.pid)
        sampler.done.set()
        sampler.join()
        hwm = status(server.pid, "VmHWM")
    finally:
        stop(server)

    big_import = max(imports, key=lambda i: i[2])
    print()
    print(f"P6, {total:,} values ({len(codes)} indicators x {len(regs)} regions x {a.months} months),"
          f" {os.path.getsize(db_path) / 1e6:.0f} MB SQLite file; load average after: {os.getloadavg()[0]:.2f}")
    print()
    print("| what | figure | goal |")
    print("|---|---|---|")
    print(f"| import: {len(imports)} runs of `vitaal import data`, largest peak RSS | {big_import[2]:.0f} MiB"
          f" ({big_import[0]:,} values in {big_import[1]:.1f} s) | <= 150 MB |")
    print(f"| serve: RSS after start | {idle / 1024:.0f} MiB | |")
    print(f"| serve: largest VmRSS sample during {a.duration} s of wrk ({sampler.samples} samples) |"
          f" {sampler.peak / 1024:.0f} MiB | |")
    print(f"| serve: VmHWM (peak RSS) at the end | {hwm / 1024:.0f} MiB | <= 300 MB |")
    print(f"| wrk mix, {a.connections} connections | {mix['ok']:.1f} 2xx answers/s, p50 {mix['p50']:.1f} ms,"
          f" p99 {mix['p99']:.1f} ms, {mix['non2xx']} non-2xx, socket errors: {mix['socket'] or '-'} | |")


if __name__ == "__main__":
    main()
