"""Approximate (HNSW) vs exact (flat) search on one corpus: latency, recall@5, build time.

`python -m benchmarks.ann_recall [--n N] [--queries Q] [--timed T] [--sizes A,B,..] [--data DATA]`

DATA is one of
- `train` (default): evidence sentences from ../shared/data/train (premises of natural-text NLI sets), queried
  with the hypotheses written against them, embedded with the project's embedder. The first run embeds the
  N + Q sentences (6.5 minutes for 29,000 at nice 19 on this project's 2 busy cores) and caches them under
  /tmp/ann_cache/; later runs only search.
- `random`: normalised random 384-d vectors (no embedding): what the flat-latency threshold was measured on,
  and the worst case for an approximate index (no neighbour is much nearer than the rest).
- `climate-fever`: the pooled Climate-FEVER evidence sentences queried with its claims; a report number only,
  nothing is tuned on bench data.

Rows are corpus sizes (N/8, N/4, N/2, N unless --sizes). For each, recall@5 of the HNSW graph against the flat
index over all Q queries, latency of T queries searched one at a time (the checker's `check` pattern), and the
graph's build time. FAISS uses $OMP_NUM_THREADS threads (default: all cores); set it to 1 to see the flat
scan's single-thread cost.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks import loaders

CACHE = Path("/tmp/ann_cache")
# Natural-text NLI sets whose premises read like evidence sentences (curriculum, LogicNLI, FOLIO, FNC-1 bodies and
# MPE caption bundles are synthetic, templated or very long).
TRAIN_SETS = ("semi_auto_nli", "nli_new_protocols", "conjnli", "anli_devtest", "taxinli", "mnli_dev_matched",
              "mnli_mismatched_hard", "lingnli", "qnli_dev", "rte", "mrpc", "fool_me_twice", "covidfact_rte",
              "scifact_rte", "snli_devtest_esnli", "nope", "begin", "xnli_en_dev")
K = 5


def _clean(text: str) -> str:
    return " ".join(text.split())


def train_texts(n: int, queries: int) -> tuple[list[str], list[str]]:
    """The first n distinct premises (20 to 600 characters) of TRAIN_SETS, in a fixed order, and `queries`
    hypotheses whose premise is among them (spread evenly over the corpus)."""
    root = loaders.shared_dir() / "data" / "train"
    corpus: dict[str, None] = {}
    hyps: list[tuple[int, str]] = []  # (position of the premise in the corpus, hypothesis)
    for name in TRAIN_SETS:
        with gzip.open(root / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                premise, hypothesis = _clean(row["premise"]), _clean(row["hypothesis"])
                if not 20 <= len(premise) <= 600:
                    continue
                if premise not in corpus:
                    if len(corpus) == n:
                        continue
                    corpus[premise] = None
                    hyps.append((len(corpus) - 1, hypothesis))
        if len(corpus) == n:
            break
    texts = list(corpus)
    seen = set(texts)
    pool = [h for _, h in hyps if h not in seen]
    step = max(1, len(pool) // queries)
    return texts, pool[::step][:queries]


def climate_fever_texts(queries: int) -> tuple[list[str], list[str]]:
    """The pooled Climate-FEVER evidence sentences (distinct) and the first `queries` claims."""
    claims = list(loaders.climate_fever_claims())
    corpus = list(dict.fromkeys(_clean(ev.sentence) for c in claims for ev in c.evidences))
    return corpus, [_clean(c.claim) for c in claims[:queries]]


def embedded(name: str, texts: list[str]) -> np.ndarray:
    """Embeddings of `texts`, from /tmp/ann_cache/<name>.npy when it holds them (a longer cached list whose
    start is `texts` will do), else embedded now and cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    npy, listing = CACHE / f"{name}.npy", CACHE / f"{name}.txt"
    if npy.exists() and listing.exists():
        cached = listing.read_text(encoding="utf-8").split("\n")
        if cached[: len(texts)] == texts:
            return np.load(npy)[: len(texts)]
    from factcheck.retrieval.embed import Embedder

    print(f"embedding {len(texts):,} {name} sentences (cached under {CACHE})…", file=sys.stderr, flush=True)
    start = time.perf_counter()
    vectors = Embedder().encode(texts, batch_size=64)
    print(f"  {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    np.save(npy, vectors)
    listing.write_text("\n".join(texts), encoding="utf-8")
    return vectors


def random_vectors(n: int, queries: int, dim: int = 384, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n + queries, dim)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x[:n], x[n:]


def load(data: str, n: int, queries: int) -> tuple[np.ndarray, np.ndarray]:
    """(corpus vectors, query vectors) of one data set."""
    if data == "random":
        return random_vectors(n, queries)
    if data == "climate-fever":
        corpus, qs = climate_fever_texts(queries)
        return embedded("climate-fever-corpus", corpus)[:n], embedded("climate-fever-queries", qs)
    corpus, qs = train_texts(n, queries)
    return embedded("train-corpus", corpus), embedded(f"train-queries-{n}", qs)


def latency(index, queries: np.ndarray) -> dict[str, float]:
    """Milliseconds per search of one query (the checker's `check` pattern): wall p50 and p95, and the CPU time
    of the process p50 (all threads; on a busy machine wall time mostly measures waiting for a core)."""
    wall, cpu = [], []
    for q in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        index.search(q[None, :], K)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return {"p50": float(np.percentile(wall, 50)) * 1e3, "p95": float(np.percentile(wall, 95)) * 1e3,
            "cpu50": float(np.percentile(cpu, 50)) * 1e3}


def recall_at_k(found: np.ndarray, exact: np.ndarray) -> float:
    """Mean share of the exact top-K that the approximate search also returned."""
    return float(np.mean([len(set(a.tolist()) & set(b.tolist())) / K for a, b in zip(found, exact)]))


def measure(corpus: np.ndarray, queries: np.ndarray, timed: int) -> dict:
    """Flat vs approximate on one corpus: recall@K over all queries, latency over the first `timed`, build time."""
    import faiss

    from factcheck.retrieval.ann import ApproximateIndex

    flat = faiss.IndexIDMap(faiss.IndexFlatIP(corpus.shape[1]))  # as ClaimIndex builds it
    flat.add_with_ids(corpus, np.arange(len(corpus), dtype=np.int64))
    start_cpu = time.process_time()
    ann = ApproximateIndex(flat)
    build_cpu = time.process_time() - start_cpu
    _, exact = flat.search(queries, K)
    _, found = ann.search(queries, K)
    return {"n": len(corpus), "flat": latency(flat, queries[:timed]), "ann": latency(ann, queries[:timed]),
            "recall": recall_at_k(found, exact), "build_s": ann.build_seconds, "build_cpu_s": build_cpu}


def table(rows: list[dict]) -> str:
    lines = [f"| corpus | flat p50 / p95 ms (CPU p50) | HNSW p50 / p95 ms (CPU p50) | recall@{K} | "
             "HNSW build s (CPU s) |", "|---:|---:|---:|---:|---:|"]
    for r in rows:
        f, a = r["flat"], r["ann"]
        lines.append(f"| {r['n']:,} | {f['p50']:.2f} / {f['p95']:.2f} ({f['cpu50']:.2f}) | {a['p50']:.2f} / "
                     f"{a['p95']:.2f} ({a['cpu50']:.2f}) | {r['recall']:.4f} | {r['build_s']:.1f} "
                     f"({r['build_cpu_s']:.1f}) |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import os

    import faiss

    from factcheck.retrieval.ann import EF_CONSTRUCTION, EF_SEARCH, M

    parser = argparse.ArgumentParser(prog="python -m benchmarks.ann_recall", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=28_000, help="largest corpus size (default 28,000)")
    parser.add_argument("--queries", type=int, default=1_000, help="queries for recall (default 1,000)")
    parser.add_argument("--timed", type=int, default=200,
                        help="of those, how many are timed one at a time (default 200)")
    parser.add_argument("--data", choices=("train", "random", "climate-fever"), default="train")
    parser.add_argument("--sizes", help="comma-separated corpus sizes instead of N/8, N/4, N/2, N")
    args = parser.parse_args(argv)
    corpus, queries = load(args.data, args.n, args.queries)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.n // 8, args.n // 4, args.n // 2, args.n]
    sizes = sorted({min(s, len(corpus)) for s in sizes if s > 0})
    print(f"data {args.data}: {len(corpus):,} vectors of {corpus.shape[1]}, recall over {len(queries):,} queries, "
          f"latency over {min(args.timed, len(queries)):,} searched one at a time; HNSW M={M} efConstruction={EF_CONSTRUCTION} efSearch={EF_SEARCH}; FAISS threads "
          f"{faiss.omp_get_max_threads()}; load average {os.getloadavg()[0]:.1f}", flush=True)
    rows = []
    for n in sizes:
        rows.append(measure(corpus[:n], queries, args.timed))
        print(f"  {n:,} done", file=sys.stderr, flush=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
