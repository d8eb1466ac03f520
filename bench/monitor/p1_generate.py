#!/usr/bin/env python3
"""P1 data set: 400 regions x 50 indicators x 20 periods = 400,000 values in a fresh Vitaal SQLite file.

Usage: python3 bench/monitor/p1_generate.py DATA_DIR [--bin PATH_TO_VITAAL]

Everything goes through the app where the app has a way in:
  1. `vitaal migrate`                       (schema of the release binary)
  2. `vitaal import regions regions.geojson` (NL01, PV24, 6 municipalities, 48 wijken, 344 buurten = 400)
  3. 50 indicator definitions are inserted with sqlite3 into `monitor_indicators` (the app has no
     CLI or page to create indicator definitions; the row layout is the one the demo loader writes:
     text UUID id, `polarity`/`level` raw values, `updated_at` as a Unix time REAL)
  4. `vitaal import data values.csv`         (long CSV, 400,000 rows, decimal comma; one import batch)
The import time of step 4 is printed (a side result: the app's import speed on 400k rows).
DATA_DIR must not exist yet (or be empty). Generated files stay in DATA_DIR (never commit them).
"""
import argparse
import json
import math
import os
import random
import sqlite3
import subprocess
import sys
import time
import uuid

MUNICIPALITIES = [
    ("GM0034", "Almere"), ("GM0995", "Lelystad"), ("GM0303", "Dronten"),
    ("GM0171", "Noordoostpolder"), ("GM0050", "Zeewolde"), ("GM0184", "Urk"),
]
N_INDICATORS = 50
PERIODS = [str(y) for y in range(2005, 2025)]  # 20 years
WIJKEN_PER_GM = 8          # 48 wijken
N_BUURTEN = 344            # 8 + 48 + 344 = 400 regions
VERTICES = 24              # polygon vertices per region outline (CBS generalised buurten: tens to hundreds)


def polygon(cx, cy, r):
    ring = [[round(cx + r * math.cos(2 * math.pi * k / VERTICES), 6),
             round(cy + 0.6 * r * math.sin(2 * math.pi * k / VERTICES), 6)] for k in range(VERTICES)]
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def regions():
    out = [("NL01", "Nederland", None, (5.3, 52.2, 1.5)), ("PV24", "Flevoland", "NL01", (5.5, 52.5, 0.4))]
    wijken = []
    for gi, (code, name) in enumerate(MUNICIPALITIES):
        cx, cy = 5.2 + 0.15 * gi, 52.4 + 0.05 * (gi % 2)
        out.append((code, name, "PV24", (cx, cy, 0.07)))
        for w in range(1, WIJKEN_PER_GM + 1):
            wcode = "WK" + code[2:] + f"{w:02d}"
            wx, wy = cx + 0.03 * math.cos(w), cy + 0.02 * math.sin(w)
            out.append((wcode, f"{name} wijk {w}", None, (wx, wy, 0.012)))
            wijken.append((wcode, name, w, wx, wy))
    # distribute 344 buurten over the 48 wijken (first ones get one more)
    base, extra = divmod(N_BUURTEN, len(wijken))
    for i, (wcode, name, w, wx, wy) in enumerate(wijken):
        for b in range(1, base + (1 if i < extra else 0) + 1):
            bcode = "BU" + wcode[2:] + f"{b:02d}"
            out.append((bcode, f"{name} wijk {w} buurt {b}", None, (wx + 0.004 * math.cos(b), wy + 0.003 * math.sin(b), 0.002)))
    assert len(out) == 400, len(out)
    return out


def run(cmd, env):
    t0 = time.monotonic()
    subprocess.run(cmd, env=env, check=True)
    return time.monotonic() - t0


def prepare(data_dir, binary):
    """Steps 1-3: a fresh SQLite data dir with the 400 regions and 50 indicator definitions.
    Returns (env, db_path, indicator codes, regions). Also used by p2_run.py."""
    if os.path.exists(data_dir) and os.listdir(data_dir):
        sys.exit(f"{data_dir} is not empty")
    os.makedirs(data_dir, exist_ok=True)
    env = dict(os.environ, VITAAL_DATA_DIR=data_dir, VITAAL_DEMO="0")
    env.pop("DATABASE_URL", None)
    db_path = os.path.join(data_dir, "vitaal.sqlite")

    run([binary, "migrate"], env)

    regs = regions()
    geo = {"type": "FeatureCollection", "features": [
        {"type": "Feature",
         "properties": dict({"statcode": code, "statnaam": name, "schematisch": "true"}, **({"parent": parent} if parent else {})),
         "geometry": polygon(*shape)} for code, name, parent, shape in regs]}
    geo_path = os.path.join(data_dir, "p1-regions.geojson")
    with open(geo_path, "w") as f:
        json.dump(geo, f)
    run([binary, "import", "regions", geo_path], env)

    con = sqlite3.connect(db_path)
    now = time.time()
    codes = [f"p1_ind_{i:02d}" for i in range(1, N_INDICATORS + 1)]
    with con:
        for i, code in enumerate(codes):
            con.execute(
                "INSERT INTO monitor_indicators (id, code, name, description, unit, decimals, polarity, source, licence, level,"
                " is_count, norm_value, norm_comparison, norm_source, range_min, range_max, visibility, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (str(uuid.uuid4()).upper(), code, f"Benchmarkindicator {i + 1}", "Gegenereerde indicator voor benchmark P1 (voorbeelddata).",
                 "%", 1, ["higherIsBetter", "lowerIsBetter", "neutral"][i % 3], "Vitaal benchmark (gegenereerd)", "CC BY 4.0",
                 "outcome", 0, None, None, None, 0.0, 100.0, "public", now))
    con.close()
    return env, db_path, codes, regs


def write_values(path, codes, regs, periods, seed):
    """Long CSV (decimal comma, status `voorbeeld`): every indicator x region x period, values 0-100
    wandering around a level per series. Returns the number of rows. Also used by p2_run.py."""
    rnd = random.Random(seed)
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("indicator;regio;periode;waarde;status\n")
        for code in codes:
            for rcode, *_ in regs:
                level = rnd.uniform(20, 80)
                for p in periods:
                    v = min(100.0, max(0.0, level + rnd.uniform(-3, 3)))
                    f.write(f"{code};{rcode};{p};{v:.1f}".replace(".", ",") + ";voorbeeld\n")
                    n += 1
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("--bin", default=".build-release/release/vitaal")
    a = ap.parse_args()
    env, db_path, codes, regs = prepare(a.data_dir, a.bin)

    csv_path = os.path.join(a.data_dir, "p1-values.csv")
    n = write_values(csv_path, codes, regs, PERIODS, seed=20240301)
    assert n == 400_000, n
    secs = run([a.bin, "import", "data", csv_path], env)
    print(f"vitaal import data: {n} values in {secs:.1f} s ({n / secs:,.0f} values/s)")

    con = sqlite3.connect(db_path)
    (count,) = con.execute("SELECT count(*) FROM monitor_values").fetchone()
    (nreg,) = con.execute("SELECT count(*) FROM regions").fetchone()
    con.close()
    print(f"{db_path}: {nreg} regions, {count} values, {os.path.getsize(db_path) / 1e6:.1f} MB")
    if count != 400_000 or nreg != 400:
        sys.exit("unexpected counts")


if __name__ == "__main__":
    main()
