"""Approximate nearest-neighbour search for large corpora: an HNSW graph beside the exact flat index.

`ClaimIndex` keeps its `IndexIDMap(IndexFlatIP)` as the source of truth: `add`, `remove_docs`, `save` and `load`
work on it exactly as for a small corpus, so an incrementally updated corpus never drifts. Once an index holds at
least `ann_threshold` vectors (setting `FACTCHECK_ANN_THRESHOLD`, default 20,000; 0 = always exact), `search`
goes to an `ApproximateIndex` instead: an `IndexHNSWFlat` (inner product) over a copy of the same vectors under
the same IDs, built at the first search, extended in place by `add` and dropped by `remove_docs` (HNSW cannot
remove vectors; the next search rebuilds it). It is never saved; a loaded index builds it again at its first
search. HNSW stores full vectors, so a hit's similarity is still its exact inner product; what is approximate
is which claims come back. Below the threshold nothing changes: search is the flat, exact one.

Measured 2026-11-29 on this project's 2-core machine with `python -m benchmarks.ann_recall` (docs/SCALING.md has
the tables and commands); p50 of one query per search call, FAISS's default 2 threads, cores otherwise idle:

- Threshold. Flat search over random normalised 384-d vectors: 0.13 ms at 5,000, 0.31 ms at 9,999, 0.60 ms at
  10,000 (from 10,000 vectors FAISS splits one query's scan across its threads), 1.9 ms at 20,000, 3.4 to
  3.6 ms at 26,000 to 28,000. HNSW: 0.1 to 1 ms at all of these sizes. 20,000 is where flat passes about 2 ms
  and keeps growing linearly. On busy cores (a training job beside it) the threaded scan costs far more: 16 ms
  from 10,000 vectors and 24 ms at 28,000, while HNSW (one thread per query) stays under 1 ms; a shared, busy
  machine does better with FACTCHECK_ANN_THRESHOLD=10000.
- Parameters. 28,000 real evidence sentences (premises of the natural-text NLI training sets, queried with
  1,000 hypotheses written against them, embedded with the bundled all-MiniLM-L6-v2), recall@5 against flat:
  HNSW M=32, efConstruction=40: efSearch 64 gives 0.991, efSearch 128 gives 0.996 (0.50 ms against flat's
  4.1 ms); M=16 needed efConstruction=100 (build 6.9 s on one thread, against 4.2 s) for the same recall.
  IVF-Flat builds in 0.4 s but needed nprobe=64 of 128 lists, half the corpus, for 0.995 (0.75 ms on one
  thread, flat 1.5 ms), so it saves little over the flat scan. efSearch 128 leaves a margin, since recall falls
  slowly as a corpus grows (0.9994 at 3,500, 0.9972 at 14,000, 0.9956 at 28,000); corpora far beyond 30,000
  were not measured. Random vectors, where no neighbour is much nearer than the rest, are the worst case
  (recall@5 0.62 at 20,000); sentence embeddings are nothing like them (Climate-FEVER's 5,240 pooled evidence
  sentences queried with its 1,535 claims: 0.9999).
- Cost. The first search after loading (or after `remove_docs`) builds the graph: 2.6 s (5.1 s of CPU) at
  28,000 sentences, about 0.2 ms of CPU per vector, paid once per process. The graph holds a second copy of the
  vectors plus about 0.3 KB of links per vector. A one-shot `factcheck check` on a corpus just above the
  threshold can lose more to the build than it saves (raise the threshold there); `serve` and `batch` win it
  back after roughly a thousand statements on idle cores, fewer on busy ones.
"""

from __future__ import annotations

import time

import numpy as np

M = 32  # graph links per vector
EF_CONSTRUCTION = 40  # FAISS's default
EF_SEARCH = 128  # candidates kept while searching: recall@5 0.996 on 28,000 sentences (see above)


def default_threshold() -> int:
    """FACTCHECK_ANN_THRESHOLD, or its default: the vectors from which search is approximate (0: never)."""
    from factcheck.settings import get_settings

    return get_settings().ann_threshold


def uses_approximate(size: int, threshold: int) -> bool:
    """Whether an index of `size` vectors searches approximately; a threshold of 0 means always exact."""
    return threshold > 0 and size >= threshold


class ApproximateIndex:
    """An HNSW graph over the vectors of an `IndexIDMap(IndexFlatIP)`, under the same IDs; for search only."""

    def __init__(self, flat, m: int = M, ef_construction: int = EF_CONSTRUCTION, ef_search: int = EF_SEARCH):
        import faiss

        start = time.perf_counter()
        hnsw = faiss.IndexHNSWFlat(flat.d, m, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = ef_construction
        hnsw.hnsw.efSearch = ef_search
        self._index = faiss.IndexIDMap(hnsw)
        self._hnsw = hnsw  # the IDMap does not own its inner index in Python; keep it alive
        ids = faiss.vector_to_array(flat.id_map)
        if len(ids):
            self._index.add_with_ids(flat.index.reconstruct_n(0, len(ids)), ids)
        self.build_seconds = time.perf_counter() - start

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def add(self, vectors: np.ndarray, ids: np.ndarray) -> None:
        """Link new vectors into the graph (HNSW can grow; it cannot shrink)."""
        self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(inner products, IDs) of the approximately nearest k vectors per query row, best first; -1 pads."""
        return self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
