#!/usr/bin/env python3
"""Reference values for the demo collaboration graph of the social map.

Reads bench/socialmap/fixtures/demo_collaboration_graph.json (written by
SocialMap.Register.collaborationGraphJSON() for SocialMapDemoData.register) and prints, with
networkx: degree centrality, normalized betweenness, closeness, articulation points and bridges,
as JSON keyed by node id. The output is stored next to the input as
demo_collaboration_graph_networkx.json and compared in SocialMapNetworkFixtureTests.swift.

Usage: python3 bench/socialmap/demo_network_fixtures.py [graph.json] > out.json
"""
import json
import sys
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "bench/socialmap/fixtures/demo_collaboration_graph.json"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    data = json.loads(path.read_text(encoding="utf-8"))
    ids = [n["id"] for n in data["nodes"]]
    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from((a, b) for a, b in data["edges"])
    degree = nx.degree_centrality(g)
    betweenness = nx.betweenness_centrality(g, normalized=True)
    closeness = nx.closeness_centrality(g)
    out = {
        "networkx": nx.__version__,
        "nodes": len(ids),
        "edges": g.number_of_edges(),
        "degree": {i: degree[i] for i in ids},
        "betweenness": {i: betweenness[i] for i in ids},
        "closeness": {i: closeness[i] for i in ids},
        "articulation_points": sorted(nx.articulation_points(g)),
        "bridges": sorted(sorted(e) for e in nx.bridges(g)),
        "components": sorted(sorted(c) for c in nx.connected_components(g)),
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
