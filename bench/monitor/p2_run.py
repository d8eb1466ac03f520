#!/usr/bin/env python3
"""P2: import N values (default 1,000,000) from a long CSV with `vitaal import data`, against the
`sqlite3` shell's `.import` of the same CSV (into a plain table and into the keyed `WITHOUT ROWID`
table Vitaal uses), and on PostgreSQL against `psql \\copy` into the keyed table; same machine, same run.

Usage: python3 bench/monitor/p2_run.py WORK_DIR [--bin PATH_TO_VITAAL] [--values N] [--runs K]
           [--postgres postgres://user:pass@127.0.0.1:5432/SCRATCH_DB]
With --postgres the runs use that database (its `public` schema is dropped and recreated per run, so
give a scratch database) instead of SQLite.

For each run:
  1. a fresh Vitaal data dir with 400 regions and 50 indicators (p1_generate.prepare: migrate,
     import regions, indicator definitions);
  2. `vitaal import data values.csv` (one atomic import: validation, duplicate check against stored
     values, inserts, audit) -- wall time and peak RSS of the process;
  3. `sqlite3 plain.sqlite` with `.mode csv`, `.separator ;`, `.import values.csv plain` into a new
     plain table (no keys, no checks) -- wall time and peak RSS;
  4. the same `.import` into `keyed (indicator, regio, periode, waarde, status, PRIMARY KEY
     (indicator, regio, periode)) WITHOUT ROWID` -- the layout of `monitor_values` (goal: <= 1.5x).
On PostgreSQL (--postgres): step 1 against the database, then `vitaal import data`, then
`psql -c "\\copy keyed FROM values.csv (FORMAT csv, DELIMITER ';', HEADER)"` into the same keyed
table (PRIMARY KEY, no checks) in the same database.
The CSV (400 regions x 50 indicators x N/20,000 months, decimal comma, status `voorbeeld`) is
generated once into WORK_DIR. WORK_DIR must not exist yet (or be empty); nothing goes into git.
Memory "flat" is checked by also importing a quarter of the rows: peak RSS should hardly differ.
"""
import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from p1_generate import N_INDICATORS, polygon, prepare, regions, run, write_values  # noqa: E402


def timed(cmd, env=None, stdin=None):
    """Wall time and peak RSS (MiB) of one child process (waits via wait4 for its own rusage)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE if stdin else None,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if stdin:
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.monotonic() - t0
    err = proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed: {err[-2000:]}")
    return secs, usage.ru_maxrss / 1024


def write_csv(path, codes, regs, months):
    periods = [f"{2000 + m // 12}-{m % 12 + 1:02d}" for m in range(months)]
    return write_values(path, codes, regs, periods, seed=20240302)


def sqlite3_import(work, label, csv_path, n, create):
    """`.import` of the CSV into a new table made by `create` (header skipped); (secs, RSS MiB)."""
    path = os.path.join(work, f"peer-{label}.sqlite")
    con = sqlite3.connect(path)
    con.execute(create)
    con.close()
    script = f".mode csv\n.separator ;\n.import --skip 1 {csv_path} t\n"
    secs, rss = timed(["sqlite3", path], stdin=script)
    con = sqlite3.connect(path)
    (count,) = con.execute("SELECT count(*) FROM t").fetchone()
    con.close()
    os.remove(path)
    if count != n:
        sys.exit(f"sqlite3 imported {count} rows, expected {n}")
    return secs, rss


PLAIN = "CREATE TABLE t (indicator TEXT, regio TEXT, periode TEXT, waarde TEXT, status TEXT)"
KEYED = ("CREATE TABLE t (indicator TEXT NOT NULL, regio TEXT NOT NULL, periode TEXT NOT NULL, waarde TEXT,"
         " status TEXT, PRIMARY KEY (indicator, regio, periode))")


def one_run(work, binary, label, months):
    data_dir = os.path.join(work, f"data-{label}")
    env, db_path, codes, regs = prepare(data_dir, binary)
    csv_path = os.path.join(work, f"values-{months}.csv")
    if not os.path.exists(csv_path):
        write_csv(csv_path, codes, regs, months)
    n = len(codes) * len(regs) * months
    v_secs, v_rss = timed([binary, "import", "data", csv_path], env)
    con = sqlite3.connect(db_path)
    (count,) = con.execute("SELECT count(*) FROM monitor_values").fetchone()
    con.close()
    if count != n:
        sys.exit(f"Vitaal stored {count} values, expected {n}")
    shutil.rmtree(data_dir)
    p_secs, _ = sqlite3_import(work, label, csv_path, n, PLAIN)
    k_secs, k_rss = sqlite3_import(work, label, csv_path, n, KEYED + " WITHOUT ROWID")
    return n, v_secs, v_rss, p_secs, k_secs, k_rss


def psql(url, sql):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql], check=True, stdout=subprocess.DEVNULL)


def prepare_postgres(work, binary, url):
    """A fresh schema with the 400 regions and 50 indicators (as p1_generate.prepare does on SQLite)."""
    psql(url, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
    env = dict(os.environ, DATABASE_URL=url, VITAAL_DATA_DIR=os.path.join(work, "pg-data"), VITAAL_DEMO="0")
    os.makedirs(env["VITAAL_DATA_DIR"], exist_ok=True)
    run([binary, "migrate"], env)
    regs = regions()
    geo = {"type": "FeatureCollection", "features": [
        {"type": "Feature",
         "properties": dict({"statcode": code, "statnaam": name, "schematisch": "true"}, **({"parent": parent} if parent else {})),
         "geometry": polygon(*shape)} for code, name, parent, shape in regs]}
    geo_path = os.path.join(work, "pg-regions.geojson")
    with open(geo_path, "w") as f:
        json.dump(geo, f)
    run([binary, "import", "regions", geo_path], env)
    codes = [f"p1_ind_{i:02d}" for i in range(1, N_INDICATORS + 1)]
    rows = ", ".join(
        f"(gen_random_uuid(), '{code}', 'Benchmarkindicator {i + 1}', 'Gegenereerde indicator (voorbeelddata).', '%', 1,"
        f" '{['higherIsBetter', 'lowerIsBetter', 'neutral'][i % 3]}', 'Vitaal benchmark (gegenereerd)', 'CC BY 4.0',"
        " 'outcome', false, 0.0, 100.0, 'public', now())" for i, code in enumerate(codes))
    psql(url, "INSERT INTO monitor_indicators (id, code, name, description, unit, decimals, polarity, source, licence,"
              " level, is_count, range_min, range_max, visibility, updated_at) VALUES " + rows)
    return env, codes, regs


def one_run_postgres(work, binary, label, months, url):
    env, codes, regs = prepare_postgres(work, binary, url)
    csv_path = os.path.join(work, f"values-{months}.csv")
    if not os.path.exists(csv_path):
        write_csv(csv_path, codes, regs, months)
    n = len(codes) * len(regs) * months
    v_secs, v_rss = timed([binary, "import", "data", csv_path], env)
    count = int(subprocess.run(["psql", "-tA", url, "-c", "SELECT count(*) FROM monitor_values"],
                               check=True, capture_output=True, text=True).stdout.strip())
    if count != n:
        sys.exit(f"Vitaal stored {count} values, expected {n}")
    psql(url, KEYED.replace("TABLE t", "TABLE p2_keyed"))
    k_secs, k_rss = timed(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c",
                           f"\\copy p2_keyed FROM '{csv_path}' (FORMAT csv, DELIMITER ';', HEADER)"])
    count = int(subprocess.run(["psql", "-tA", url, "-c", "SELECT count(*) FROM p2_keyed"],
                               check=True, capture_output=True, text=True).stdout.strip())
    if count != n:
        sys.exit(f"psql \\copy stored {count} rows, expected {n}")
    return n, v_secs, v_rss, k_secs, k_rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work_dir")
    ap.add_argument("--bin", default=".build-release/release/vitaal")
    ap.add_argument("--values", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--postgres", help="scratch PostgreSQL database URL (its public schema is dropped)")
    a = ap.parse_args()
    if os.path.exists(a.work_dir) and os.listdir(a.work_dir):
        sys.exit(f"{a.work_dir} is not empty")
    os.makedirs(a.work_dir, exist_ok=True)
    months = max(1, a.values // 20_000)
    print(f"load average before: {os.getloadavg()[0]:.2f}; sqlite3 {subprocess.run(['sqlite3', '-version'], capture_output=True, text=True).stdout.split()[0]}")
    sizes = [(f"small{r}", max(1, months // 4)) for r in range(1)] + [(f"full{r}", months) for r in range(a.runs)]
    if a.postgres:
        print("| run | values | Vitaal import (PostgreSQL) | values/s | Vitaal peak RSS | `psql \\copy` keyed | ratio | load |")
        print("|---|---|---|---|---|---|---|---|")
        for label, m in sizes:
            n, vs, vr, ks, _ = one_run_postgres(a.work_dir, a.bin, label, m, a.postgres)
            print(f"| {label} | {n:,} | {vs:.2f} s | {n / vs:,.0f} | {vr:.0f} MiB | {ks:.2f} s | {vs / ks:.2f}x |"
                  f" {os.getloadavg()[0]:.2f} |", flush=True)
    else:
        print("| run | values | Vitaal import | values/s | Vitaal peak RSS | sqlite3 .import plain | sqlite3 .import keyed"
              " | sqlite3 RSS | ratio to keyed | load |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for label, m in sizes:
            n, vs, vr, ps, ks, kr = one_run(a.work_dir, a.bin, label, m)
            print(f"| {label} | {n:,} | {vs:.2f} s | {n / vs:,.0f} | {vr:.0f} MiB | {ps:.2f} s | {ks:.2f} s | {kr:.0f} MiB"
                  f" | {vs / ks:.2f}x | {os.getloadavg()[0]:.2f} |", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
