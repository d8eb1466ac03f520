#!/usr/bin/env python3
"""networkx reference values for NetworkCommunities (Louvain) in
Tests/VitaalDomainTests/Network/NetworkCommunitiesTests.swift (pasted there verbatim).
Run: python3 bench/network/communities.py   (networkx 3.6.1)"""
import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity


def edges_of(g, weight=None):
    out = []
    for a, b, d in sorted(g.edges(data=True)):
        out.append((min(a, b), max(a, b), float(d.get(weight, 1.0)) if weight else 1.0))
    return out


def show(name, g, weight=None, partition=None):
    comms = louvain_communities(g, weight=weight, seed=1)
    q = modularity(g, comms, weight=weight)
    print(f"// {name}: n={g.number_of_nodes()}, m={g.number_of_edges()}")
    print(f"static let {name}Edges: [(Int, Int, Double)] = {edges_of(g, weight)}")
    print(f"static let {name}LouvainCommunities = {sorted(sorted(c) for c in comms)}")
    print(f"static let {name}LouvainModularity = {q!r}")
    if partition is not None:
        print(f"static let {name}Partition = {partition}")
        print(f"static let {name}PartitionModularity = {modularity(g, [set(p) for p in partition], weight=weight)!r}")


show("ringOfCliques", nx.ring_of_cliques(4, 6))
k = nx.karate_club_graph()
club = [sorted(n for n in k if k.nodes[n]["club"] == c) for c in ("Mr. Hi", "Officer")]
show("karate", k, partition=club)
w = nx.Graph()
w.add_weighted_edges_from([(0, 1, 3.0), (1, 2, 1.0), (0, 2, 2.0), (2, 3, 0.5), (3, 4, 2.0), (4, 5, 4.0), (3, 5, 1.0)])
show("weightedToy", w, weight="weight", partition=[[0, 1, 2], [3, 4, 5]])
