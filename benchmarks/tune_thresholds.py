"""Choose the fusion thresholds on development data only: ../shared/eval/seed_dev.csv and the NLI
training run's held-out split. Never on bench sets.

    python -m benchmarks.tune_thresholds [--nli-model DIR] [--heldout RUN/dev.jsonl]

Prints the grid's best settings and the seed-dev accuracy of the current defaults.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from factcheck.checker import Checker
from factcheck.judge.fusion import FusionConfig, decide
from factcheck.settings import get_settings
from factcheck.training.data import LABEL_TO_ID

REPO = Path(__file__).resolve().parent.parent
SEED_DEV = REPO.parent / "shared" / "eval" / "seed_dev.csv"


def seed_dev_evidence(nli_model: str | None):
    rows = list(csv.DictReader(open(SEED_DEV, encoding="utf-8")))
    settings = get_settings(nli_model=nli_model, top_k=5)
    checker = Checker.load(settings=settings)
    tuned = checker.judge.fusion
    checker.judge.fusion = replace(tuned, min_similarity=0.0, align_similarity=0.0)  # score every pair, run rules
    results = list(checker.check_many(r["statement"] for r in rows))
    return [r["label"] for r in rows], [r.evidence for r in results], tuned


def seed_accuracy(gold, evidence, cfg: FusionConfig) -> float:
    ok = 0
    for g, evs in zip(gold, evidence):
        v, _, _ = decide(evs, cfg)
        ok += v.value == g
    return ok / len(gold)


def heldout_accuracy(probs: np.ndarray, gold: np.ndarray, cfg: FusionConfig) -> float:
    pred = np.full(len(gold), LABEL_TO_ID["neutral"])
    pred[(probs[:, 0] >= cfg.entail_threshold)] = LABEL_TO_ID["entailment"]
    contra = (probs[:, 2] >= cfg.contradict_threshold) & (probs[:, 2] > probs[:, 0])
    pred[contra] = LABEL_TO_ID["contradiction"]
    return float((pred == gold).mean())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nli-model", default=None)
    ap.add_argument("--heldout", default=None, help="dev.jsonl of the NLI training run")
    args = ap.parse_args()
    gold, evidence, default = seed_dev_evidence(args.nli_model)
    probs = held = None
    if args.heldout:
        from factcheck.judge.nli import load_nli

        pairs = [json.loads(x) for x in open(args.heldout, encoding="utf-8")]
        probs = load_nli(args.nli_model).predict([(p["premise"], p["hypothesis"]) for p in pairs])
        held = np.array([LABEL_TO_ID[p["label"]] for p in pairs])
    grid = itertools.product([0.3, 0.4, 0.5], [0.5, 0.6, 0.7], [0.3, 0.4, 0.5, 0.6, 0.7], [0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    scored = []
    for ms, al, et, ct in grid:
        cfg = replace(default, min_similarity=ms, align_similarity=al, entail_threshold=et, contradict_threshold=ct)
        s = seed_accuracy(gold, evidence, cfg)
        h = heldout_accuracy(probs, held, cfg) if probs is not None else 0.0
        scored.append((s, h, cfg))
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    for s, h, cfg in scored[:10]:
        print(f"seed_dev={s:.3f} heldout={h:.3f} {cfg}")
    print(f"current (the model's fusion.json over Settings): seed_dev={seed_accuracy(gold, evidence, default):.3f}"
          + (f" heldout={heldout_accuracy(probs, held, default):.3f}" if probs is not None else "") + f" {default}")


if __name__ == "__main__":
    main()
