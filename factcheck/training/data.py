"""NLI training data: the documented JSONL pair format (read and write, plain, .gz or .xz)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from factcheck.errors import InputError
from factcheck.io import open_text
from factcheck.judge.nli import LABELS

LABEL_TO_ID = {name: i for i, name in enumerate(LABELS)}
# Binary sets say "not entailment" without saying which of neutral / contradiction; the trainer
# learns from them with a partial-label loss (-log(p_neutral + p_contradiction)).
NOT_ENTAILMENT = "not_entailment"
TRAIN_LABEL_TO_ID = {**LABEL_TO_ID, NOT_ENTAILMENT: 3}

def read_pairs(path: str | Path, keep_binary: bool = False, skip_invalid: bool = False) -> Iterator[dict]:
    """Yield pair records from a JSONL (optionally .gz or .xz) file in the documented format.

    Each line: {"premise": str, "hypothesis": str, "label": "entailment"|"neutral"|"contradiction",
    "source": str (optional)}. With `keep_binary`, "not_entailment" rows are kept too. Rows with a
    missing field raise InputError naming file and line, or are skipped with `skip_invalid`.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    accepted = TRAIN_LABEL_TO_ID if keep_binary else LABEL_TO_ID
    with open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
            missing = next((f for f in ("premise", "hypothesis", "label")
                            if not isinstance(rec.get(f), str) or not rec[f].strip()), None)
            if missing is not None:
                if skip_invalid:
                    continue
                raise InputError(f"{path}:{lineno}: field '{missing}' is missing or empty")
            if rec["label"] not in accepted:
                continue  # binary sets' "not_entailment" (unless kept) and stray labels
            yield rec


def write_pairs(pairs: Iterable[dict], path: str | Path) -> int:
    """Write pairs as JSONL (compressed if the name ends in .gz or .xz); returns the count."""
    n = 0
    path = Path(path)
    with open_text(path, "w") as fh:
        for p in pairs:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
            n += 1
    return n
