#!/usr/bin/env python3
"""Prints networkx reference values for the small graphs in
Tests/VitaalDomainTests/Network/NetworkFixtures.swift (pasted there verbatim).
Run: python3 bench/network/fixtures.py"""
import networkx as nx

GRAPHS = {
    "p5": (5, [(0, 1), (1, 2), (2, 3), (3, 4)]),
    "cycle6": (6, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0)]),
    "twoTriangles": (6, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)]),
    "disconnected": (6, [(0, 1), (1, 2), (3, 4)]),  # node 5 isolated
    "barbell": (9, list(nx.barbell_graph(4, 1).edges())),
    "petersenPlusTail": (12, list(nx.petersen_graph().edges()) + [(0, 10), (10, 11), (3, 11)]),
}


def arr(values):
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


for name, (n, edges) in GRAPHS.items():
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    bc = nx.betweenness_centrality(G, normalized=True)
    cc = nx.closeness_centrality(G, wf_improved=True)
    dc = nx.degree_centrality(G)
    print(f"// {name}: n={n}, edges={sorted(tuple(sorted(e)) for e in edges)}")
    print(f"static let {name}Edges: [(Int, Int)] = {sorted(tuple(sorted(e)) for e in edges)}".replace("[(", "[(").replace("), (", "), ("))
    print(f"static let {name}Betweenness: [Double] = {arr(bc[v] for v in range(n))}")
    print(f"static let {name}Closeness: [Double] = {arr(cc[v] for v in range(n))}")
    print(f"static let {name}Degree: [Double] = {arr(dc[v] for v in range(n))}")
    print(f"static let {name}Articulation: [Int] = {sorted(nx.articulation_points(G))}")
    print(f"static let {name}Bridges: [(Int, Int)] = {sorted(tuple(sorted(e)) for e in nx.bridges(G))}")
    print()
