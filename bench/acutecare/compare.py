"""P4: scipy multi-source bounded Dijkstra on the graph written by bench-acutecare; compares times."""
import sys, time, os
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

d, limit = sys.argv[1], int(sys.argv[2])
indptr = np.fromfile(os.path.join(d, "indptr.i32"), dtype=np.int32)
indices = np.fromfile(os.path.join(d, "indices.i32"), dtype=np.int32)
weights = np.fromfile(os.path.join(d, "weights.u32"), dtype=np.uint32).astype(np.float64)
sources = np.fromfile(os.path.join(d, "sources.i32"), dtype=np.int32)
swift = np.fromfile(os.path.join(d, "swift.u32"), dtype=np.uint32)
n = len(indptr) - 1
g = csr_matrix((weights, indices, indptr), shape=(n, n))
best = None
for _ in range(3):
    t = time.perf_counter()
    dist = dijkstra(g, directed=True, indices=sources, limit=limit, min_only=True)
    el = time.perf_counter() - t
    best = el if best is None else min(best, el)
reached_py = np.isfinite(dist) & (dist <= limit)
reached_sw = swift != np.iinfo(np.uint32).max
same_set = np.array_equal(reached_py, reached_sw)
maxdiff = float(np.max(np.abs(dist[reached_py] - swift[reached_sw]))) if same_set and reached_py.any() else float("nan")
print(f"scipy dijkstra (indices=10 posts, limit={limit}, min_only=True): best {best:.4f} s of 3, {int(reached_py.sum())} nodes reached")
print(f"same reached set: {same_set}; max |time difference| on reached nodes: {maxdiff} s")
sys.exit(0 if same_set and maxdiff <= 0.5 else 1)
