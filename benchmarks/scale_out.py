"""Scale-out measurements (issue #17): `batch --engine ray` against the local engine, and incremental ingest.

`python -m benchmarks.scale_out ray [--statements 10000] [--workers 2] [--kill-after 2000]`
    Writes a CSV of N distinct statements (hypotheses of ../shared/data/train's natural-text NLI sets, which
    the seed corpus mostly cannot judge: a throughput workload, not an accuracy one) and runs, one after the
    other, as a user would: `factcheck batch` (local engine), `factcheck batch --engine ray`, and the same Ray
    run killed (SIGKILL to its process group) once `--kill-after` rows are written, then `--resume`d. Reports
    wall time and statements/s of each, the start-up overhead (both engines on a 16-row CSV), and whether the
    outputs are byte-identical to the local one.

`python -m benchmarks.scale_out incremental [--sentences 10000] [--docs 100]`
    Builds a corpus of `--docs` documents holding `--sentences` sentences (premises of the same training
    sets), then (a) adds the seed article with `ingest --add` and (b) builds the same 101 documents from
    scratch; reports both times, their ratio, and whether `factcheck eval` on seed dev gives the same verdicts
    on both corpora.

Both run `factcheck` as subprocesses in a private FACTCHECK_HOME under --out (default build/scale-out), on
whatever cores are free: run them alone.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import loaders
from benchmarks.ann_recall import TRAIN_SETS, _clean

EXE = [str(Path(sys.executable).parent / "factcheck")]  # the installed console script, as a user runs it


def train_texts(field: str, n: int, keep) -> list[str]:
    """The first n distinct `field` texts of TRAIN_SETS that `keep` accepts, in a fixed order."""
    out: dict[str, None] = {}
    root = loaders.shared_dir() / "data" / "train"
    for name in TRAIN_SETS:
        with gzip.open(root / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                text = _clean(json.loads(line)[field])
                if keep(text):
                    out.setdefault(text)
                    if len(out) == n:
                        return list(out)
    return list(out)


def train_hypotheses(n: int) -> list[str]:
    return train_texts("hypothesis", n, lambda h: 20 <= len(h) <= 300)


def train_premises(n: int) -> list[str]:
    """One-sentence premises (one full stop at most, ending a sentence)."""
    return train_texts("premise", n, lambda p: 40 <= len(p) <= 400 and p[-1] in ".!?" and p.count(".") <= 1)


def _write_csv(path: Path, statements: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "statement"])
        w.writerows([i, s] for i, s in enumerate(statements))


def _run(args: list[str], env: dict) -> float:
    t = time.perf_counter()
    r = subprocess.run([*EXE, *args], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if r.returncode not in (0, 1):  # 1: some rows are ERROR rows, which is part of the contract
        raise SystemExit(f"factcheck {' '.join(args)} failed ({r.returncode}): {r.stderr[-2000:]}")
    return wall


def home_env(out: Path) -> dict:
    """The environment of a `factcheck` subprocess with its own FACTCHECK_HOME under `out` (the seed copied in)."""
    env = dict(os.environ, FACTCHECK_HOME=str(out / "home"))
    (out / "home" / "seeds").mkdir(parents=True, exist_ok=True)
    seed = loaders.seed_corpus_path()
    target = out / "home" / "seeds" / seed.name
    if not target.exists():
        target.write_bytes(seed.read_bytes())
    return env


def ray_batch(args) -> dict:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    env = home_env(out)
    src, small = out / "statements.csv", out / "small.csv"
    statements = train_hypotheses(args.statements)
    _write_csv(src, statements)
    _write_csv(small, statements[:16])
    _run(["check", "warm-up: builds the seed corpus and the ONNX exports once"], env)
    res: dict = {"statements": len(statements), "workers": args.workers}
    for f in out.glob("*.csv.partial*"):
        f.unlink()
    res["small_local_s"] = _run(["batch", str(small), "-o", str(out / "small-local.csv")], env)
    res["small_ray_s"] = _run(["batch", str(small), "-o", str(out / "small-ray.csv"), "--engine", "ray",
                               "--workers", str(args.workers)], env)
    res["local_s"] = _run(["batch", str(src), "-o", str(out / "local.csv")], env)
    res["ray_s"] = _run(["batch", str(src), "-o", str(out / "ray.csv"), "--engine", "ray", "--workers",
                         str(args.workers)], env)
    local = (out / "local.csv").read_bytes()
    res["ray_identical"] = (out / "ray.csv").read_bytes() == local
    # killed and resumed
    killed = out / "killed.csv"
    for f in (killed, Path(str(killed) + ".partial"), Path(str(killed) + ".partial.json")):
        f.unlink(missing_ok=True)
    t = time.perf_counter()
    proc = subprocess.Popen([*EXE, "batch", str(src), "-o", str(killed), "--engine", "ray", "--workers",
                             str(args.workers)], env=env, stderr=subprocess.DEVNULL, start_new_session=True)
    partial = Path(str(killed) + ".partial")
    while proc.poll() is None and (not partial.exists() or partial.read_bytes().count(b"\n") < args.kill_after):
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    first = time.perf_counter() - t
    res["killed_after_rows"] = max(0, partial.read_bytes().count(b"\n") - 1) if partial.exists() else None
    res["resume_s"] = _run(["batch", str(src), "-o", str(killed), "--engine", "ray", "--workers",
                            str(args.workers), "--resume"], env)
    res["killed_first_s"] = round(first, 1)
    res["resumed_identical"] = killed.read_bytes() == local
    rows = list(csv.reader(killed.read_text(encoding="utf-8").splitlines()))[1:]
    ids = [r[0] for r in rows]
    res["resumed_rows"], res["resumed_distinct_ids"] = len(ids), len(set(ids))
    for k in ("local", "ray"):
        res[f"{k}_per_s"] = round(len(statements) / res[f"{k}_s"], 2)
    res["ray_startup_overhead_s"] = round(res["small_ray_s"] - res["small_local_s"], 1)
    return res


def incremental(args) -> dict:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    env = home_env(out)
    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    sentences = train_premises(args.sentences)
    per = -(-len(sentences) // args.docs)
    for i in range(args.docs):
        (docs / f"doc{i:04d}.txt").write_text("\n\n".join(sentences[i * per:(i + 1) * per]) + "\n", encoding="utf-8")
    seed_doc = out / "seed" / loaders.seed_corpus_path().name
    seed_doc.parent.mkdir(exist_ok=True)
    seed_doc.write_bytes(loaders.seed_corpus_path().read_bytes())
    res: dict = {"sentences": len(sentences), "docs": args.docs}
    _run(["check", "warm-up: builds the seed corpus and the ONNX exports once"], env)
    res["base_build_s"] = _run(["ingest", str(docs), "-c", "inc", "--replace"], env)
    res["add_one_s"] = _run(["ingest", str(seed_doc), "-c", "inc", "--add"], env)
    res["full_rebuild_s"] = _run(["ingest", str(docs), str(seed_doc), "-c", "full", "--replace"], env)
    res["ratio"] = round(res["add_one_s"] / res["full_rebuild_s"], 4)
    columns = {}
    for name in ("inc", "full"):
        path = out / f"seed-dev-{name}.csv"
        _run(["batch", str(loaders.shared_dir() / "eval" / "seed_dev.csv"), "-o", str(path), "--corpus", name], env)
        with open(path, encoding="utf-8", newline="") as fh:  # citations name the corpus folder: made alike
            columns[name] = [tuple(r[k].replace(f"corpus/{name}/", "corpus/NAME/") for k in
                                   ("verdict", "confidence", "explanation", "evidence", "source"))
                             for r in csv.DictReader(fh)]
        res[f"seed_dev_accuracy_{name}"] = round(sum(
            v == gold for (v, *_), gold in zip(columns[name], _gold(), strict=True)) / len(columns[name]), 3)
    res["seed_dev_identical"] = columns["inc"] == columns["full"]
    return res


def _gold() -> list[str]:
    with open(loaders.shared_dir() / "eval" / "seed_dev.csv", encoding="utf-8", newline="") as fh:
        return [r["label"].strip().upper() for r in csv.DictReader(fh)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale_out", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    r = sub.add_parser("ray")
    r.add_argument("--statements", type=int, default=10_000)
    r.add_argument("--workers", type=int, default=2)
    r.add_argument("--kill-after", type=int, default=2_000)
    i = sub.add_parser("incremental")
    i.add_argument("--sentences", type=int, default=10_000)
    i.add_argument("--docs", type=int, default=100)
    for p in (r, i):
        p.add_argument("--out", default=str(loaders.REPO_ROOT / "build" / "scale-out"))
    args = parser.parse_args(argv)
    res = ray_batch(args) if args.what == "ray" else incremental(args)
    print(json.dumps(res, indent=2))
    Path(args.out, f"{args.what}.json").write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
