"""A corpus's vectors in Milvus (milvus-lite, or a server) against the embedded FAISS flat index.

`python -m benchmarks.milvus_store [--data climate-fever] [--queries Q] [--timed T] [--store URI]`
    Recall@5 of the Milvus store (HNSW, the parameters of factcheck.retrieval.ann) against FAISS flat, both as
    `ClaimIndex`es holding the same claims and vectors; search latency p50/p95 of T queries searched one at a time
    (the checker's `check` pattern) for both; and the time to insert the vectors. `--data climate-fever` (the
    default) is the pooled Climate-FEVER evidence sentences (5,240) queried with its 1,535 claims, embedded with
    the bundled model and cached under /tmp/ann_cache/ by benchmarks.ann_recall, whose loaders this reuses
    (`train` and `random` work too). `--store` is a milvus-lite file (default: one in a temp folder) or
    milvus://HOST:PORT/COLLECTION; `--timed 0` measures recall only (for busy cores, where timings mean little).

`python -m benchmarks.milvus_store --seed-dev [--labelled ../shared/eval/seed_dev.csv]`
    The seed dev figures from both stores: copies corpus/seed into a temp folder, moves the copy's vectors to a
    milvus-lite file with `factcheck index --store`, runs `factcheck eval LABELLED -f json` on the original and
    on the copy, and says whether the two reports are identical (they are written to the temp folder).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.ann_recall import K, load

REPO = Path(__file__).resolve().parent.parent


def _claims(n: int) -> list:
    from factcheck.results import Claim

    return [Claim(id=f"c{i}", text=f"sentence {i}", sentence=f"sentence {i}", doc_id="pool", source="pool",
                  start_char=0, end_char=1) for i in range(n)]


def latency(index, queries: np.ndarray) -> dict[str, float]:
    """Milliseconds per `ClaimIndex.search` of one query: wall p50 and p95."""
    wall = []
    for q in queries:
        start = time.perf_counter()
        index.search(q[None, :], K)
        wall.append(time.perf_counter() - start)
    return {"p50": float(np.percentile(wall, 50)) * 1e3, "p95": float(np.percentile(wall, 95)) * 1e3}


def compare(corpus: np.ndarray, queries: np.ndarray, store: str, timed: int) -> dict:
    from factcheck.retrieval.index import ClaimIndex
    from factcheck.retrieval.milvus import MilvusClaimIndex, parse_store

    info = {"embedding_model": "bench", "embedding_weights_sha256": "bench", "dimension": int(corpus.shape[1])}
    claims = _claims(len(corpus))
    flat = ClaimIndex(info, ann_threshold=0)  # exact: the reference
    flat.add(claims, corpus)
    spec = parse_store(store, "bench")
    assert spec is not None, "--store must name a Milvus store"
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        stored = MilvusClaimIndex.create(info, spec, Path(folder))
        stored.add(claims, corpus)
        stored.collection.flush()
        insert_s = time.perf_counter() - start
        try:
            exact = [[h.claim.id for h in row] for row in flat.search(queries, K)]
            found = [[h.claim.id for h in row] for row in stored.search(queries, K)]
            recall = float(np.mean([len(set(f) & set(e)) / K for f, e in zip(found, exact)]))
            same = float(np.mean([f == e for f, e in zip(found, exact)]))
            times = {"flat": latency(flat, queries[:timed]), "milvus": latency(stored, queries[:timed])} \
                if timed else {}
        finally:
            stored.collection.drop()
    return {"n": len(corpus), "queries": len(queries), "recall": recall, "same_top": same, "insert_s": insert_s,
            **times}


def table(r: dict) -> str:
    lines = [f"| corpus | queries | recall@{K} vs flat | identical top {K} | insert s | FAISS flat p50 / p95 ms | "
             "Milvus p50 / p95 ms |", "|---:|---:|---:|---:|---:|---:|---:|"]
    f, m = r.get("flat"), r.get("milvus")
    flat = f"{f['p50']:.2f} / {f['p95']:.2f}" if f else "not timed"
    mil = f"{m['p50']:.2f} / {m['p95']:.2f}" if m else "not timed"
    lines.append(f"| {r['n']:,} | {r['queries']:,} | {r['recall']:.4f} | {r['same_top']:.3f} | {r['insert_s']:.1f} "
                 f"| {flat} | {mil} |")
    return "\n".join(lines)


def seed_dev(labelled: Path) -> int:
    """Seed dev figures with the seed corpus's vectors in FAISS and in a milvus-lite copy; 0 when identical."""
    work = Path(tempfile.mkdtemp(prefix="milvus-seed-"))
    copy = work / "seed"
    shutil.copytree(REPO / "corpus" / "seed", copy, ignore=shutil.ignore_patterns(".staging-*"))
    factcheck = [str(Path(sys.executable).parent / "factcheck")]  # the CLI of this environment
    env = {**os.environ, "FACTCHECK_HOME": str(REPO)}

    def cli(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run([*factcheck, *args], cwd=REPO, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
        return done

    cli("index", "--corpus", str(copy), "--store", str(work / "seed.db"))
    reports = {}
    for name, corpus in (("faiss", "seed"), ("milvus", str(copy))):
        out = work / f"seed_dev.{name}.json"
        cli("eval", str(labelled), "--corpus", corpus, "-f", "json", "-o", str(out))
        reports[name] = json.loads(out.read_text(encoding="utf-8"))
    same = reports["faiss"] == reports["milvus"]
    print(f"seed dev figures ({labelled}): FAISS and milvus-lite reports {'identical' if same else 'DIFFER'} "
          f"({work}/seed_dev.faiss.json, {work}/seed_dev.milvus.json)")
    for key in ("accuracy", "macro_f1"):
        if key in reports["faiss"]:
            print(f"  {key}: FAISS {reports['faiss'][key]}, Milvus {reports['milvus'][key]}")
    return 0 if same else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.milvus_store", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", choices=("climate-fever", "train", "random"), default="climate-fever")
    parser.add_argument("--n", type=int, default=28_000, help="largest corpus size, for train and random")
    parser.add_argument("--queries", type=int, default=1_535, help="queries for recall (default 1,535)")
    parser.add_argument("--timed", type=int, default=300, help="of those, how many are timed (default 300; 0: none)")
    parser.add_argument("--store", help="milvus-lite file or milvus://HOST:PORT/COLLECTION (default: a temp file)")
    parser.add_argument("--seed-dev", action="store_true", help="compare the seed dev figures instead")
    parser.add_argument("--labelled", type=Path, default=REPO.parent / "shared" / "eval" / "seed_dev.csv")
    args = parser.parse_args(argv)
    if args.seed_dev:
        return seed_dev(args.labelled)
    corpus, queries = load(args.data, args.n, args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or str(Path(tmp) / "bench.db")
        print(f"data {args.data}: {len(corpus):,} vectors of {corpus.shape[1]}, recall over {len(queries):,} "
              f"queries, latency over {min(args.timed, len(queries)):,} searched one at a time; store {store}; "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        print(table(compare(corpus, queries, store, args.timed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
