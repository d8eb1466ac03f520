#!/usr/bin/env python3
"""P2: import N values (default 1,000,000) from a long CSV with `vitaal import data`, against the
`sqlite3` shell's `.import` of the same CSV into a plain table, same machine, same run.

Usage: python3 bench/monitor/p2_run.py WORK_DIR [--bin PATH_TO_VITAAL] [--values N] [--runs K]

For each run:
  1. a fresh Vitaal data dir with 400 regions and 50 indicators (p1_generate.prepare: migrate,
     import regions, indicator definitions);
  2. `vitaal import data values.csv` (one atomic import: validation, duplicate check against stored
     values, inserts, audit) -- wall time and peak RSS of the process;
  3. `sqlite3 plain.sqlite` with `.mode csv`, `.separator ;`, `.import values.csv plain` into a new
     plain table (no keys, no checks) -- wall time and peak RSS.
The CSV (400 regions x 50 indicators x N/20,000 months, decimal comma, status `voorbeeld`) is
generated once into WORK_DIR. WORK_DIR must not exist yet (or be empty); nothing goes into git.
Memory "flat" is checked by also importing a quarter of the rows: peak RSS should hardly differ.
"""
import argparse
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from p1_generate import prepare, write_values  # noqa: E402


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

    plain = os.path.join(work, f"plain-{label}.sqlite")
    script = f".mode csv\n.separator ;\n.import {csv_path} plain\n"
    s_secs, s_rss = timed(["sqlite3", plain], stdin=script)
    con = sqlite3.connect(plain)
    (pcount,) = con.execute("SELECT count(*) FROM plain").fetchone()
    con.close()
    if pcount != n:
        sys.exit(f"sqlite3 imported {pcount} rows, expected {n}")
    shutil.rmtree(data_dir)
    os.remove(plain)
    return n, v_secs, v_rss, s_secs, s_rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work_dir")
    ap.add_argument("--bin", default=".build-release/release/vitaal")
    ap.add_argument("--values", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=2)
    a = ap.parse_args()
    if os.path.exists(a.work_dir) and os.listdir(a.work_dir):
        sys.exit(f"{a.work_dir} is not empty")
    os.makedirs(a.work_dir, exist_ok=True)
    months = max(1, a.values // 20_000)
    print(f"load average before: {os.getloadavg()[0]:.2f}; sqlite3 {subprocess.run(['sqlite3', '-version'], capture_output=True, text=True).stdout.split()[0]}")
    print("| run | values | Vitaal import | Vitaal values/s | Vitaal peak RSS | sqlite3 .import | sqlite3 peak RSS | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    sizes = [(f"small{r}", max(1, months // 4)) for r in range(1)] + [(f"full{r}", months) for r in range(a.runs)]
    for label, m in sizes:
        n, vs, vr, ss, sr = one_run(a.work_dir, a.bin, label, m)
        print(f"| {label} | {n:,} | {vs:.1f} s | {n / vs:,.0f} | {vr:.0f} MiB | {ss:.2f} s | {sr:.0f} MiB | {vs / ss:.1f}x |", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
