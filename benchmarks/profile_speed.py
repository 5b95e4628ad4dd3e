"""Where the time goes (issue #13): the cold start by phase, and a warm check, a batch and indexing by stage.

`python -m benchmarks.profile_speed [--statements 200] [--sentences 1000]`

- cold: a new interpreter runs `factcheck check` in phases, timing each and reading its RSS after it: interpreter
  and imports, loading the corpus and the models (`Checker.load`), the first check.
- warm / batch: cProfile over `check` one statement at a time and over `check_batch` in chunks of 16 (what
  `factcheck batch` does), on the seed corpus, with statements that are hypotheses of ../shared/data/train's
  natural-text NLI sets (no bench data). Self time is summed by library (ONNX Runtime, tokenizers, spaCy,
  FAISS, numpy) and by factcheck stage (rules, verdict, retrieval, the rest).
- index: spaCy parsing and claim splitting vs embedding, on `--sentences` premises of the same sets.
Run it on idle cores.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import subprocess
import sys
import time
from collections import defaultdict

from benchmarks.scale_out import train_hypotheses, train_premises

COLD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import factcheck.cli  # what the command imports first (it keeps torch out of spaCy)
from factcheck.checker import Checker
from factcheck.settings import get_settings
t1 = time.perf_counter(); r1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
c = Checker.load(None, settings=get_settings())
t2 = time.perf_counter(); r2 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from factcheck.ingest.nlp import get_nlp
get_nlp()
tn = time.perf_counter(); rn = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
c.check(sys.argv[1])
t3 = time.perf_counter(); r3 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import sys as s
heavy = sorted(m for m in ("torch", "transformers", "sentence_transformers", "spacy", "onnxruntime", "faiss")
               if m in s.modules)
print(json.dumps({"imports_s": t1 - t0, "corpus_and_index_s": t2 - t1, "spacy_load_s": tn - t2,
                  "models_and_first_check_s": t3 - tn, "rss_imports_mib": r1 / 1024, "rss_index_mib": r2 / 1024,
                  "rss_spacy_mib": rn / 1024, "rss_checked_mib": r3 / 1024, "modules": heavy}))
"""

GROUPS = (("onnxruntime", "ONNX Runtime (model inference)"), ("tokenizers", "tokenizers"),
          ("spacy", "spaCy (parsing)"), ("thinc", "spaCy (parsing)"), ("faiss", "FAISS (search)"),
          ("factcheck/judge/rules", "factcheck rules"), ("factcheck/judge/verdict", "factcheck verdict model"),
          ("factcheck/judge", "factcheck judge (other)"), ("factcheck/retrieval", "factcheck retrieval"),
          ("factcheck/ingest", "factcheck claims/statement parsing"), ("factcheck", "factcheck (other)"),
          ("numpy", "numpy"))


def _group(filename: str, func: str) -> str:
    where = func if filename == "~" else filename  # a C function: its name says whose it is
    for key, name in GROUPS:
        if key in where:
            return name
    return "python/other" if filename != "~" else "other C calls"


def profile(fn) -> tuple[float, dict[str, float]]:
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.runcall(fn)
    wall = time.perf_counter() - t
    stats = pstats.Stats(prof)
    by: dict[str, float] = defaultdict(float)
    for (filename, _line, func), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by[_group(filename, func)] += tottime
    total = sum(by.values())
    return wall, {k: round(v / total, 3) for k, v in sorted(by.items(), key=lambda kv: -kv[1])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_speed")
    parser.add_argument("--statements", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=1000)
    args = parser.parse_args(argv)
    out: dict = {}
    statements = train_hypotheses(args.statements)
    runs = [json.loads(subprocess.run([sys.executable, "-c", COLD, statements[0]], capture_output=True, text=True,
                                      check=True).stdout) for _ in range(3)]
    out["cold"] = min(runs, key=lambda r: r["imports_s"] + r["corpus_and_index_s"] + r["spacy_load_s"]
                      + r["models_and_first_check_s"])

    from factcheck.checker import Checker
    from factcheck.settings import get_settings

    checker = Checker.load(None, settings=get_settings())
    checker.check(statements[0])
    wall, shares = profile(lambda: [checker.check(s) for s in statements])
    out["warm"] = {"ms_per_check": round(1000 * wall / len(statements), 1), "share_of_self_time": shares}
    wall, shares = profile(lambda: [checker.check_batch(statements[i:i + 16]) for i in range(0, len(statements), 16)])
    out["batch"] = {"statements_per_s": round(len(statements) / wall, 1), "share_of_self_time": shares}

    from factcheck.ingest.claims import extract_claims
    from factcheck.ingest.read import document_from_text

    premises = train_premises(args.sentences)
    doc = document_from_text("\n\n".join(premises), "bench")
    t = time.perf_counter()
    claims = list(extract_claims([doc]))
    split_s = time.perf_counter() - t
    t = time.perf_counter()
    checker.embedder.encode([c.text for c in claims], batch_size=16)
    embed_s = time.perf_counter() - t
    out["index"] = {"sentences": len(premises), "claims": len(claims), "split_s": round(split_s, 2),
                    "embed_s": round(embed_s, 2), "sentences_per_s": round(len(premises) / (split_s + embed_s), 1),
                    "split_sentences_per_s": round(len(premises) / split_s, 1),
                    "embed_claims_per_s": round(len(claims) / embed_s, 1)}
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
