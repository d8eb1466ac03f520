#!/usr/bin/env python3
"""Writes Sources/VitaalDomain/Resources/flevoland/flevoland-provinciale-wegen-2018.geojson from the
published file in ../shared/data/flevoland/ (Provincie Flevoland, provincial roads, export 23-10-2018):
keeps N_WEG, NAAM, TYPE and Banen_Aant, simplifies each line (Douglas-Peucker, 10 m) and rounds the
coordinates to 5 decimals (about 1 m). Line ends are never moved, so roads that met still meet.
Run scripts/embed-open-data afterwards.
"""
import json
import math
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    root, "..", "shared", "data", "flevoland", "flevoland-provinciale-wegen-2018.geojson")
target = os.path.join(root, "Sources/VitaalDomain/Resources/flevoland/flevoland-provinciale-wegen-2018.geojson")
K = 111195.0
COS = math.cos(math.radians(52.5))


def xy(p):
    return (p[0] * K * COS, p[1] * K)


def distance_to_segment(p, a, b):
    (px, py), (ax, ay), (bx, by) = xy(p), xy(a), xy(b)
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0 if length2 == 0 else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(points, tolerance):
    if len(points) <= 2:
        return points
    worst, index = 0, 0
    for i in range(1, len(points) - 1):
        d = distance_to_segment(points[i], points[0], points[-1])
        if d > worst:
            worst, index = d, i
    if worst <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


data = json.load(open(source, encoding="utf-8"))
features = []
for f in data["features"]:
    coords = [[round(c[0], 5), round(c[1], 5)] for c in simplify(f["geometry"]["coordinates"], 10)]
    props = {k: f["properties"][k] for k in ("N_WEG", "NAAM", "TYPE", "Banen_Aant")}
    features.append({"type": "Feature", "properties": props, "geometry": {"type": "LineString", "coordinates": coords}})
out = {"type": "FeatureCollection", "features": features}
with open(target, "w", encoding="utf-8") as f:
    f.write(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n")
print(f"{target}: {len(features)} lines, {sum(len(x['geometry']['coordinates']) for x in features)} points")
