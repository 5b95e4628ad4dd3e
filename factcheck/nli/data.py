"""NLI training data: the documented JSONL pair format and the training mix drawn from shared data."""

from __future__ import annotations

import gzip
import json
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from factcheck.errors import InputError

LABELS: tuple[str, str, str] = ("entailment", "neutral", "contradiction")
LABEL_TO_ID = {name: i for i, name in enumerate(LABELS)}

# Natural three-way sets first (the "easy" part of the curriculum), then fact-verification
# and challenge sets. Non-commercial data is left out so the shipped model carries no
# non-commercial restriction.
DEFAULT_MIX: dict[str, int] = {
    "lingnli": 12000,
    "nli_new_protocols": 9000,
    "semi_auto_nli": 6000,
    "snli_devtest_esnli": 3000,
    "cad_nli": 4000,
    "conjnli": 3000,
    "mnli_dev_matched": 4000,
    "mnli_mismatched_hard": 2500,
    "fool_me_twice": 2549,
    "fnc1_capped": 1500,
    "negation_nli": 2000,
    "scone": 1000,
    "breaking_nli": 1000,
    "ambient": 1000,
}
EXCLUDED_LICENSES = frozenset({"non-commercial"})


def read_pairs(path: str | Path) -> Iterator[dict]:
    """Yield pair records from a JSONL (optionally .gz) file in the documented format.

    Each line: {"premise": str, "hypothesis": str, "label": "entailment"|"neutral"|"contradiction",
    "source": str (optional)}.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
            for field in ("premise", "hypothesis", "label"):
                if not isinstance(rec.get(field), str) or not rec[field].strip():
                    raise InputError(f"{path}:{lineno}: field '{field}' is missing or empty")
            if rec["label"] not in LABEL_TO_ID:
                continue  # binary sets' "not_entailment" and the like: unknown which of two labels
            yield rec


def sample_mix(
    train_dir: str | Path, mix: dict[str, int] | None = None, seed: int = 13
) -> tuple[list[dict], Counter]:
    """Draw up to mix[name] three-way pairs from each train/ set; returns (pairs, counts per set)."""
    mix = DEFAULT_MIX if mix is None else mix
    rng = random.Random(seed)
    pairs: list[dict] = []
    counts: Counter = Counter()
    for name, n in mix.items():
        if n <= 0:
            continue
        recs = [
            r
            for r in read_pairs(Path(train_dir) / f"{name}.jsonl.gz")
            if r.get("license_class") not in EXCLUDED_LICENSES
        ]
        rng.shuffle(recs)
        for r in recs[:n]:
            pairs.append(
                {
                    "premise": r["premise"],
                    "hypothesis": r["hypothesis"],
                    "label": r["label"],
                    "source": name,
                    "license_class": r.get("license_class", "unknown"),
                }
            )
            counts[name] += 1
    return pairs, counts


def write_pairs(pairs: Iterable[dict], path: str | Path) -> int:
    """Write pairs as JSONL; returns the count."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for p in pairs:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
            n += 1
    return n
