#!/usr/bin/env python3
"""P3: compare Vitaal's betweenness + articulation points with igraph and networkx.

Usage: python3 bench/network/compare.py EDGEFILE RESULTFILE
  EDGEFILE   "u v" per line (undirected, nodes 0..n-1), written by bench-network
  RESULTFILE JSON written by bench-network: nodes, betweenness (networkx-normalised),
             articulation_points, betweenness_seconds, articulation_seconds

igraph: full betweenness (unnormalised, each unordered pair once) is normalised like networkx:
  b * 2 / ((n-1)(n-2)). networkx: full articulation points; betweenness is timed on
  BENCH_NX_SOURCES (default 200) evenly spaced sources with networkx' own Brandes kernels
  (_single_source_shortest_path_basic + _accumulate_basic) and extrapolated linearly to all n
  sources, unless BENCH_NX_FULL=1 (full betweenness_centrality, very slow).
Exit status 1 when results differ (betweenness > 1e-9 relative or articulation points).
"""
import json
import os
import sys
import time

import networkx as nx
from networkx.algorithms.centrality.betweenness import (
    _accumulate_basic,
    _single_source_shortest_path_basic,
)

edge_file, result_file = sys.argv[1], sys.argv[2]
with open(result_file) as f:
    vitaal = json.load(f)
n = vitaal["nodes"]
edges = []
with open(edge_file) as f:
    for line in f:
        a, b = line.split()
        edges.append((int(a), int(b)))

scale = 2.0 / ((n - 1) * (n - 2))
ok = True


def compare(name, ref, rel=1e-9):
    worst = 0.0
    for a, b in zip(vitaal["betweenness"], ref):
        diff = abs(a - b)
        denom = max(abs(a), abs(b))
        worst = max(worst, diff / denom if denom > 0 else diff)
    good = len(ref) == n and worst <= rel
    print(f"  betweenness Vitaal vs {name}: max. relatief verschil {worst:.2e} -> {'gelijk' if good else 'VERSCHILT'}")
    return good


print(f"Vergelijking op {n} knooppunten, {len(edges)} verbindingen")

# igraph
try:
    import igraph as ig

    g = ig.Graph(n=n, edges=edges, directed=False)
    t, c = time.perf_counter(), time.process_time()
    ibc = g.betweenness(directed=False)
    t_ibc, c_ibc = time.perf_counter() - t, time.process_time() - c
    t = time.perf_counter()
    iap = sorted(g.articulation_points())
    t_iap = time.perf_counter() - t
    print(f"igraph {ig.__version__} betweenness:      {t_ibc:.3f} s (CPU {c_ibc:.3f} s, 1 thread)")
    print(f"igraph articulatiepunten:       {t_iap:.4f} s")
    ok &= compare("igraph", [b * scale for b in ibc])
    same = iap == vitaal["articulation_points"]
    print(f"  articulatiepunten Vitaal vs igraph: {'identiek' if same else 'VERSCHILLEN'} ({len(iap)})")
    ok &= same
except ImportError:
    t_ibc = None
    print("igraph niet geinstalleerd (pip install igraph): overgeslagen")

# networkx
G = nx.Graph()
G.add_nodes_from(range(n))
G.add_edges_from(edges)
t = time.perf_counter()
nap = sorted(nx.articulation_points(G))
t_nap = time.perf_counter() - t
print(f"networkx {nx.__version__} articulatiepunten: {t_nap:.4f} s")
same = nap == vitaal["articulation_points"]
print(f"  articulatiepunten Vitaal vs networkx: {'identiek' if same else 'VERSCHILLEN'} ({len(nap)})")
ok &= same

if os.environ.get("BENCH_NX_FULL") == "1":
    t = time.perf_counter()
    nbc = nx.betweenness_centrality(G, normalized=True)
    t_nbc = time.perf_counter() - t
    print(f"networkx betweenness (volledig): {t_nbc:.1f} s")
    ok &= compare("networkx", [nbc[v] for v in range(n)])
else:
    k = int(os.environ.get("BENCH_NX_SOURCES", "200"))
    sources = [round(i * n / k) for i in range(k)]
    partial = dict.fromkeys(G, 0.0)
    t, c = time.perf_counter(), time.process_time()
    for s in sources:
        S, P, sigma, _ = _single_source_shortest_path_basic(G, s)
        partial, _ = _accumulate_basic(partial, S, P, sigma, s)
    t_part, c_part = time.perf_counter() - t, time.process_time() - c
    t_nbc = t_part * n / k
    print(f"networkx betweenness: {k} bronnen in {t_part:.2f} s -> geextrapoleerd naar {n} bronnen: {t_nbc:.0f} s (schatting; CPU {c_part * n / k:.0f} s)")

vb, va = vitaal["betweenness_seconds"], vitaal["articulation_seconds"]
print("Samenvatting (betweenness + articulatiepunten):")
print(f"  Vitaal   {vb + va:8.3f} s")
if t_ibc is not None:
    ti = t_ibc + t_iap
    print(f"  igraph   {ti:8.3f} s  -> Vitaal/igraph = {(vb + va) / ti:.2f}x (doel <= 2x)")
    print(f"  CPU-tijd betweenness: Vitaal {vitaal['betweenness_cpu_seconds']:.3f} s (alle threads) / igraph {c_ibc:.3f} s"
          f" = {vitaal['betweenness_cpu_seconds'] / c_ibc:.2f}x")
tn = t_nbc + t_nap
print(f"  networkx {tn:8.1f} s  -> networkx/Vitaal = {tn / (vb + va):.0f}x sneller (doel >= 30x)")
print("RESULTAAT:", "gelijk" if ok else "VERSCHILLEN GEVONDEN")
sys.exit(0 if ok else 1)
