"""Measure the statement screen (factcheck.ingest.statement_check) on real English statements and on sentences in
other languages: how many English statements it wrongly holds back, how many others it recognises.

    .venv/bin/python -m benchmarks.statement_screen

English: 150 claims each from fool_me_twice, covidfact_rte and mnli_dev_matched (train/, seeded sample), the
seed dev statements, and the Climate-FEVER claims (bench/: measured only, nothing was tuned on them). Other
languages: every example sentence spaCy ships for its 67 non-English languages (spacy/lang/*/examples.py).
"""

from __future__ import annotations

import gzip
import importlib
import json
import os
import pkgutil
import random
from collections import Counter
from pathlib import Path

SHARED = Path(os.environ.get("FACTCHECK_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def english_sets() -> dict[str, list[str]]:
    rng = random.Random(0)
    claims: list[str] = []
    for name in ("fool_me_twice", "covidfact_rte", "mnli_dev_matched"):
        with gzip.open(SHARED / "data" / "train" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            hyps = sorted({json.loads(line)["hypothesis"] for line in fh})
        claims += rng.sample([h for h in hyps if 3 <= len(h.split()) <= 40], 150)
    import csv

    with open(SHARED / "eval" / "seed_dev.csv", encoding="utf-8") as fh:
        seed = [row["statement"] for row in csv.DictReader(fh)]
    with open(SHARED / "data" / "bench" / "climate-fever" / "climate-fever.jsonl", encoding="utf-8") as fh:
        climate = [json.loads(line)["claim"] for line in fh]
    return {"train claims (3 sets)": claims, "seed dev": seed, "Climate-FEVER claims": climate}


def other_languages() -> list[tuple[str, str]]:
    import spacy.lang

    out = []
    for mod in pkgutil.iter_modules(spacy.lang.__path__):
        if not mod.ispkg or mod.name == "en":
            continue
        try:
            examples = importlib.import_module(f"spacy.lang.{mod.name}.examples")
        except ImportError:
            continue
        out += [(mod.name, s) for s in getattr(examples, "sentences", []) if isinstance(s, str)]
    return out


def verdict(text: str) -> str | None:
    from factcheck.ingest.statement_check import input_problem, unjudgeable

    return input_problem(text) or unjudgeable(text)


def main() -> None:
    for name, statements in english_sets().items():
        held = [(s, r) for s in statements if (r := verdict(s))]
        print(f"{name}: {len(held)} of {len(statements)} held back")
        for s, r in held:
            print(f"    {s[:90]!r}: {r[:70]}")
    others = other_languages()
    kinds = Counter()
    for _, s in others:
        r = verdict(s)
        kinds["passed" if r is None else r.split(" (")[0].split(";")[0][:40]] += 1
    flagged = len(others) - kinds["passed"]
    print(f"other languages ({len({lang for lang, _ in others})}): {flagged} of {len(others)} recognised")
    for k, n in kinds.most_common():
        print(f"    {n:4d}  {k}")


if __name__ == "__main__":
    main()
