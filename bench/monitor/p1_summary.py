#!/usr/bin/env python3
"""Summarises the wrk outputs of bench/monitor/p1_run.sh: requests/s, p50/p99, errors, ratio vs goal."""
import re
import statistics
import sys
from pathlib import Path


def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v


def parse(path):
    t = path.read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", t, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))
    m = re.search(r"(\d+) requests in ([\d.]+)(m?s)", t)
    n, secs = int(m.group(1)), float(m.group(2)) / (1000 if m.group(3) == "ms" else 1)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    sock = re.search(r"Socket errors: (.*)", t)
    non2xx = int(bad.group(1)) if bad else 0
    # wrk counts error answers (500) in requests/s and leaves requests over --timeout out of the latencies
    return dict(rps=rps, ok=(n - non2xx) / secs, p50=p50, p99=p99, n=n, non2xx=non2xx, socket=sock.group(1) if sock else "")


out = Path(sys.argv[1])
rows = {}
for f in sorted(out.glob("*.txt")):
    if f.stem.startswith(("vitaal-", "datasette-")) and "serial" not in f.stem:
        rows[f.stem] = parse(f)
print(f"{'run':<22}{'req/s':>10}{'2xx/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'requests':>10}  errors")
for k, r in rows.items():
    print(f"{k:<22}{r['rps']:>10.1f}{r['ok']:>10.1f}{r['p50']:>10.1f}{r['p99']:>10.1f}{r['n']:>10}  non-2xx {r['non2xx']} {r['socket']}")
for f in sorted(out.glob("*-serial.txt")):
    xs = [float(x) * 1000 for x in f.read_text().split()]
    ticks = out / f"{f.stem}-cputicks.txt"
    cpu = f", server CPU {int(ticks.read_text()) * 10 / len(xs):.0f} ms/request" if ticks.exists() else ""
    print(f"{f.stem:<22} one request at a time: median {statistics.median(xs):.1f} ms, min {min(xs):.1f} ms{cpu} (curl, {len(xs)} requests)")
ds = rows.get("datasette-rotate50")
if ds:
    for k in ("vitaal-uncached", "vitaal-rotate50", "vitaal-fixed"):
        if k in rows:
            r = rows[k]
            print(f"{k} vs datasette-rotate50: {r['ok'] / ds['ok']:.2f}x successful requests/s (goal >= 5x), p99 {r['p99']:.1f} ms (goal <= 25 ms)")
print((out / "conditions.txt").read_text())
