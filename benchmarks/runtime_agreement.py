"""ONNX Runtime vs torch on the shipped models (issue #13: "accuracy unchanged"): same inputs, both runtimes.

`python -m benchmarks.runtime_agreement [--pairs 2000]`

- NLI: argmax agreement and probability differences on `--pairs` bench pairs (35% Climate-FEVER, 35%
  FEVER-Symmetric, the rest HealthVer; the int8 benchmark's sample), and each runtime's accuracy/macro-F1 on
  the FEVER-Symmetric part (2-way, as the bench scores it).
- Embedder: cosine between the two runtimes' vectors of the same texts (the pairs' premises and hypotheses).
- Pipeline: seed dev checked with FACTCHECK_RUNTIME=torch and =onnx in new processes: accuracy and verdicts.
Measuring only: nothing is chosen from it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from benchmarks import loaders
from benchmarks.quantization import bench_pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.runtime_agreement")
    parser.add_argument("--pairs", type=int, default=2000)
    args = parser.parse_args(argv)
    from factcheck.apps.evaluate import score
    from factcheck.judge.nli import load_nli
    from factcheck.retrieval.embed import Embedder

    bench = loaders.bench_dir()
    pairs = bench_pairs(bench, args.pairs)
    probs = {rt: load_nli(None, runtime=rt).predict(pairs, batch_size=32) for rt in ("torch", "onnx")}
    diff = np.abs(probs["torch"] - probs["onnx"])
    out: dict = {"nli": {"pairs": len(pairs),
                         "argmax_agreement": round(float((probs["torch"].argmax(1) == probs["onnx"].argmax(1)).mean()), 4),
                         "max_prob_diff": round(float(diff.max()), 5), "mean_prob_diff": round(float(diff.mean()), 6)}}
    fs = list(loaders.fever_symmetric_dev(bench / "fever-symmetric" / "fever_symmetric_dev.jsonl"))
    fs_pairs = [(p.premise, p.hypothesis) for p in fs]
    gold = [p.label for p in fs]
    for rt in ("torch", "onnx"):
        p = load_nli(None, runtime=rt).predict(fs_pairs, batch_size=32)
        pred = ["SUPPORTED" if e >= c else "CONTRADICTED" for e, c in zip(p[:, 0], p[:, 2])]  # as the bench scores it
        report = score(gold, pred, labels=("SUPPORTED", "CONTRADICTED"))
        out["nli"][f"fever_symmetric_{rt}"] = {"n": len(fs), "accuracy": round(report.accuracy, 4),
                                               "macro_f1": round(report.macro_f1, 4)}
    texts = sorted({t for pair in pairs for t in pair})[:2000]
    vec = {rt: Embedder(runtime=rt).encode(texts, batch_size=32) for rt in ("torch", "onnx")}
    cos = (vec["torch"] * vec["onnx"]).sum(1)
    out["embedder"] = {"texts": len(texts), "min_cosine": round(float(cos.min()), 6), "mean_cosine": round(float(cos.mean()), 6)}
    seed = {}
    with tempfile.TemporaryDirectory(prefix="fc-runtimes-") as tmp:
        for rt in ("torch", "onnx"):
            out_file = Path(tmp) / f"{rt}.jsonl"
            subprocess.run([os.path.join(os.path.dirname(sys.executable), "factcheck"), "batch",
                            str(loaders.shared_dir() / "eval" / "seed_dev.csv"), "-o", str(out_file)],
                           env=dict(os.environ, FACTCHECK_RUNTIME=rt), capture_output=True, text=True, check=True)
            seed[rt] = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold_seed = [row["input"]["label"] for row in seed["onnx"]]
    out["seed_dev"] = {rt: round(sum(r["verdict"] == g for r, g in zip(rows, gold_seed)) / len(rows), 4)
                       for rt, rows in seed.items()}
    out["seed_dev"]["same_verdicts"] = sum(a["verdict"] == b["verdict"] for a, b in zip(seed["torch"], seed["onnx"]))
    out["seed_dev"]["max_confidence_diff"] = round(max(abs(a["confidence"] - b["confidence"])
                                                       for a, b in zip(seed["torch"], seed["onnx"])), 4)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
