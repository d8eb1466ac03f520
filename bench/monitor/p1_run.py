#!/usr/bin/env python3
"""P1 (issue #20): the open data API at 64 connections, Vitaal against datasette on the same SQLite file,
in the same run, and a dashboard-sized query.

Usage: python3 bench/monitor/p1_run.py WORK_DIR [--bin PATH_TO_VITAAL] [--values N] [--datasette PATH]
           [--duration 20] [--connections 64] [--threads 2]

Data: a fresh Vitaal data dir (p1_generate.prepare: `vitaal migrate`, `vitaal import regions` of 400
regions, 50 indicator definitions), then `vitaal import data` of a long CSV with 400 regions x 50
indicators x N/20,000 months (p2_run.write_csv; 1,000,000 values = 50 months by default).

Measured, one server at a time (the machine has 2 cores; wrk runs on them too), wrk --latency:
  (a) uncached: `/api/v1/data?indicator=X&from=P1&to=P20&pageSize=S` -- 400 regions x 20 months = 8,000
      rows -- with X one of the 50 indicators in turn and S from 8,000 to 10,000 so that no two requests
      share a cache key (the rows are the same for every S). Pages of more than 2,000 rows are streamed
      and never cached anyway (DataAPIStream); varying S keeps the measurement uncached should that change.
      Against datasette 0.65.5 serving the same file (`--setting max_returned_rows 10000`: its default
      cap of 1,000 rows would cut the answer, so it is raised to hold the 8,000 rows) with one SQL query
      giving the same rows, fields and order (joins with the indicator and region tables), X in turn too.
      Before measuring, both answers are fetched once and compared row by row (region, period, value).
  (b) dashboard-sized: 1 indicator x 8 regions (NL01, PV24, the 6 municipalities) x 10 months = 80 rows,
      indicator in turn: "dashboard" with a fixed pageSize (cached after the first 50 requests, what a
      dashboard sees) and "dashboard-uncached" with pageSize varying per request.
Goals (issue #20): (a) Vitaal >= 10x datasette's requests/s; (b) p99 <= 25 ms at 64 connections.
Figures count only 2xx answers. wrk outputs and server logs stay in WORK_DIR (nothing goes into git).
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from p1_generate import prepare  # noqa: E402
from p2_run import timed, write_csv  # noqa: E402

DATASETTE_VERSION = "0.65.5"
DASHBOARD_REGIONS = ["NL01", "PV24", "GM0034", "GM0995", "GM0303", "GM0171", "GM0050", "GM0184"]
SQL = ("select v.indicator_code as indicator, i.name as indicatorName, v.region_code as region,"
       " r.name as regionName, v.period, v.value, v.status, v.missing_reason as missingReason, v.note, i.unit,"
       " i.source, i.licence from monitor_values v join monitor_indicators i on i.code = v.indicator_code"
       " join regions r on r.code = v.region_code where v.indicator_code = :ind and v.period_sort >= :a"
       " and v.period_sort <= :b order by v.indicator_code, v.region_code, v.period_sort")


def load_data(work, binary, values):
    """A Vitaal data dir with 400 regions x 50 indicators x values/20,000 months; (env, db, codes, periods)."""
    data_dir = os.path.join(work, "data")
    env, db_path, codes, regs = prepare(data_dir, binary)
    months = max(1, values // (len(codes) * len(regs)))
    csv_path = os.path.join(work, "values.csv")
    n = write_csv(csv_path, codes, regs, months)
    secs, rss = timed([binary, "import", "data", csv_path], env)
    os.remove(csv_path)
    print(f"data: {n:,} values imported in {secs:.1f} s (peak RSS {rss:.0f} MiB); "
          f"{os.path.getsize(db_path) / 1e6:.0f} MB SQLite file", flush=True)
    return env, db_path, codes, periods(db_path, codes[0])


def periods(db_path, code):
    """(canonical period, period_sort) in order, as stored."""
    con = sqlite3.connect(db_path)
    rows = con.execute("SELECT DISTINCT period, period_sort FROM monitor_values WHERE indicator_code = ?"
                       " ORDER BY period_sort", (code,)).fetchall()
    con.close()
    return rows


def start(cmd, env, log_path, probe):
    """Starts a server and waits until `probe` answers; returns the Popen."""
    log = open(log_path, "w")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(600):
        try:
            urllib.request.urlopen(probe, timeout=2).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                sys.exit(f"{cmd[0]} stopped: see {log_path}")
            time.sleep(0.2)
    stop(proc)
    sys.exit(f"{cmd[0]} did not answer {probe}")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def drain(pid):
    """Waits until the server has finished what wrk left in flight (its CPU time stops growing)."""
    for _ in range(120):
        a = cpu_ticks(pid)
        time.sleep(1)
        if cpu_ticks(pid) - a < 5:
            return


def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v


def wrk(name, base_url, lua_body, work, args, pid):
    """Runs wrk with a generated Lua `request()` and returns its figures (2xx answers per second)."""
    lua = os.path.join(work, f"{name}.lua")
    with open(lua, "w") as f:
        f.write(lua_body)
    out = subprocess.run(["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency",
                          "--timeout", "10s", "-s", lua, base_url], check=True, capture_output=True, text=True).stdout
    with open(os.path.join(work, f"{name}.txt"), "w") as f:
        f.write(out)
    m = re.search(r"(\d+) requests in ([\d.]+)(m?s)", out)
    n, secs = int(m.group(1)), float(m.group(2)) / (1000 if m.group(3) == "ms" else 1)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: (.*)", out)
    non2xx = int(bad.group(1)) if bad else 0
    drain(pid)
    return dict(name=name, ok=(n - non2xx) / secs, n=n, non2xx=non2xx, socket=sock.group(1) if sock else "",
                p50=ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
                p99=ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)))


def lua_rotating(path_of_n):
    """A wrk script whose n-th request (n unique over threads) gets the path `path_of_n` builds in Lua."""
    return ("local threadCount = 0\n"
            "function setup(thread) thread:set('tid', threadCount); threadCount = threadCount + 1 end\n"
            "local counter = 0\n"
            "function request()\n"
            "  local n = counter * 64 + tid\n"
            "  counter = counter + 1\n"
            f"  return wrk.format('GET', {path_of_n})\n"
            "end\n")


def get_json(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.loads(r.read())


def serial(url_of_i, count=20):
    """Median wall time (ms) of `count` requests one at a time."""
    times = []
    for i in range(count):
        t0 = time.monotonic()
        urllib.request.urlopen(url_of_i(i), timeout=60).read()
        times.append((time.monotonic() - t0) * 1000)
    return statistics.median(times)


def datasette_binary(path):
    if path:
        return path
    venv = "/tmp/vitaal-bench-venv"
    binary = os.path.join(venv, "bin", "datasette")
    if not os.path.exists(binary):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", f"datasette=={DATASETTE_VERSION}"],
                       check=True)
    return binary


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work_dir")
    ap.add_argument("--bin", default=".build-release/release/vitaal")
    ap.add_argument("--values", type=int, default=1_000_000)
    ap.add_argument("--datasette", help=f"datasette {DATASETTE_VERSION} (default: a venv in /tmp, made if missing)")
    ap.add_argument("--duration", type=int, default=20, help="seconds per wrk run")
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--port", type=int, default=8941)
    a = ap.parse_args()
    if os.path.exists(a.work_dir) and os.listdir(a.work_dir):
        sys.exit(f"{a.work_dir} is not empty")
    os.makedirs(a.work_dir, exist_ok=True)
    a.bin = os.path.abspath(a.bin)
    datasette = datasette_binary(a.datasette)
    version = subprocess.run([datasette, "--version"], capture_output=True, text=True).stdout.strip()
    if DATASETTE_VERSION not in version:
        sys.exit(f"need datasette {DATASETTE_VERSION}, found {version}")
    print(f"load average before: {os.getloadavg()[0]:.2f}; {version}; wrk -t{a.threads} -c{a.connections}"
          f" -d{a.duration}s; vitaal {a.bin}", flush=True)
    env, db_path, codes, stored = load_data(a.work_dir, a.bin, a.values)
    window = stored[:20]
    dash = stored[:10]
    expected_rows = 400 * len(window)
    lua_codes = "{" + ",".join(f"'{c}'" for c in codes) + "}"
    results = []

    # ---- Vitaal
    port = a.port
    base = f"http://127.0.0.1:{port}"
    server = start([a.bin, "serve"], dict(env, PORT=str(port)), os.path.join(a.work_dir, "vitaal-server.log"),
                   f"{base}/api/v1/indicators")
    try:
        big = f"from={window[0][0]}&to={window[-1][0]}"
        sample = get_json(f"{base}/api/v1/data?indicator={codes[6]}&{big}&pageSize=10000")
        vitaal_rows = [(i["region"], i["period"], i.get("value")) for i in sample["items"]]
        median = serial(lambda i: f"{base}/api/v1/data?indicator={codes[i % len(codes)]}&{big}&pageSize={9000 + i}")
        print(f"Vitaal: {len(vitaal_rows):,} rows per answer; one request at a time {median:.0f} ms (median of 20)",
              flush=True)
        pick = f"codes[(n % {len(codes)}) + 1]"
        results.append(wrk("vitaal-uncached", base, f"local codes = {lua_codes}\n" + lua_rotating(
            f"'/api/v1/data?indicator=' .. {pick} .. '&{big}&pageSize=' .. (8000 + math.floor(n / {len(codes)}) % 2001)"),
            a.work_dir, a, server.pid))
        regions = ",".join(DASHBOARD_REGIONS)
        small = f"region={regions}&from={dash[0][0]}&to={dash[-1][0]}"
        check = get_json(f"{base}/api/v1/data?indicator={codes[0]}&{small}")
        print(f"dashboard query: {len(check['items'])} rows per answer", flush=True)
        results.append(wrk("vitaal-dashboard", base, f"local codes = {lua_codes}\n" + lua_rotating(
            f"'/api/v1/data?indicator=' .. {pick} .. '&{small}'"), a.work_dir, a, server.pid))
        results.append(wrk("vitaal-dashboard-uncached", base, f"local codes = {lua_codes}\n" + lua_rotating(
            f"'/api/v1/data?indicator=' .. {pick} .. '&{small}&pageSize=' .. (80 + math.floor(n / {len(codes)}) % 9921)"),
            a.work_dir, a, server.pid))
        with open(f"/proc/{server.pid}/status") as f:
            vitaal_hwm = re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)
    finally:
        stop(server)

    # ---- datasette on the same file, the same rows
    dport = port + 1
    dbase = f"http://127.0.0.1:{dport}"
    server = start([datasette, "serve", db_path, "-p", str(dport), "--setting", "max_returned_rows", "10000",
                    "--setting", "sql_time_limit_ms", "10000"], dict(os.environ),
                   os.path.join(a.work_dir, "datasette-server.log"), f"{dbase}/-/versions.json")
    try:
        db_name = os.path.splitext(os.path.basename(db_path))[0]
        path = f"/{db_name}.json?sql={quote(SQL, safe='')}&_shape=array&a={window[0][1]}&b={window[-1][1]}"
        rows = get_json(f"{dbase}{path}&ind={codes[6]}")
        datasette_rows = [(r["region"], r["period"], r["value"]) for r in rows]
        if len(vitaal_rows) != expected_rows or datasette_rows != vitaal_rows:
            sys.exit(f"answers differ: Vitaal {len(vitaal_rows)} rows, datasette {len(datasette_rows)} rows,"
                     f" expected {expected_rows}")
        median_ds = serial(lambda i: f"{dbase}{path}&ind={codes[i % len(codes)]}")
        print(f"datasette: the same {len(datasette_rows):,} rows; one request at a time {median_ds:.0f} ms"
              " (median of 20)", flush=True)
        results.append(wrk("datasette", dbase, f"local codes = {lua_codes}\n" + lua_rotating(
            f"'{path}&ind=' .. codes[(n % {len(codes)}) + 1]"), a.work_dir, a, server.pid))
    finally:
        stop(server)

    by = {r["name"]: r for r in results}
    print()
    print(f"P1, {a.values:,} values, {expected_rows:,}-row answers, {a.connections} connections, {a.duration} s each"
          f" (load average after: {os.getloadavg()[0]:.2f}; Vitaal peak RSS {int(vitaal_hwm) / 1024:.0f} MiB)")
    print()
    print("| run | 2xx answers/s | p50 | p99 | requests | non-2xx | socket errors |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['name']} | {r['ok']:.1f} | {r['p50']:.1f} ms | {r['p99']:.1f} ms | {r['n']:,} | {r['non2xx']}"
              f" | {r['socket'] or '-'} |")
    for r in results:
        if r["n"] == 0:
            print(f"\n{r['name']}: no answer completed within {a.duration} s (every request still in flight at the"
                  " end); raise --duration")
    ratio = by["vitaal-uncached"]["ok"] / max(by["datasette"]["ok"], 1e-9)
    print()
    print(f"- (a) uncached {expected_rows:,} rows: Vitaal {ratio:.1f}x datasette's answers/s (goal >= 10x)")
    for name in ("vitaal-dashboard", "vitaal-dashboard-uncached"):
        print(f"- (b) {name}: p99 {by[name]['p99']:.1f} ms (goal <= 25 ms)")
    shutil.rmtree(os.path.join(a.work_dir, "data"), ignore_errors=True)


if __name__ == "__main__":
    main()
