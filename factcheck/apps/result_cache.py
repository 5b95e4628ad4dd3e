"""Check results cached per (sentence, corpus fingerprint, models, settings profile), so re-reviewing an edited
draft rechecks only the sentences that changed.

The fingerprint covers everything a verdict depends on: the corpus's claims (text, sentence, source, offsets),
the embedding weights, the NLI model (name, and size and mtime of its weight files when local) and every
setting. Change any of them and old entries are simply never looked up again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.results import CheckResult


def checker_fingerprint(checker) -> str:
    """A hash of what a Checker's verdicts depend on, apart from the statement itself."""
    corpus = hashlib.sha256()
    for claim in checker.claims:  # the corpus as the checker sees it: every claim, its text and where it is
        corpus.update(claim.model_dump_json().encode("utf-8"))
    nli = getattr(checker.judge, "nli", None)
    name = str(getattr(nli, "name", "")) if nli is not None else ""
    weights = []
    if name and Path(name).is_dir():
        for f in sorted(Path(name).iterdir()):
            if f.suffix in (".safetensors", ".bin", ".json"):
                st = f.stat()
                weights.append((f.name, st.st_size, st.st_mtime_ns))
    verdict_model = getattr(checker.judge, "verdict_model", None)  # a recalibrated profile changes verdicts
    parts = {
        "verdict_model": verdict_model.to_dict() if verdict_model is not None else None,
        "corpus": corpus.hexdigest(),
        "index": getattr(checker.index, "info", None),
        "embedder": getattr(checker.embedder, "weights_sha256", ""),
        "judge": getattr(checker.judge, "name", type(checker.judge).__name__),
        "nli": name,
        "nli_files": weights,
        "settings": checker.settings.model_dump(mode="json", exclude={"home"}),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()


class ResultCache:
    """A small SQLite store of CheckResults; safe to share between runs, one writer at a time."""

    def __init__(self, path: str | Path, threads: bool = False):
        """`threads=True` lets other threads use the connection (the caller serialises them, as serve's lock does)."""
        self.path = Path(path)
        # A checker's corpus and models do not change while it lives: hash them once per checker, not per review.
        self._fingerprints: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=not threads)
            self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, result TEXT NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            raise FactcheckError(f"cannot open the review cache {self.path}: {exc}; pass --no-cache") from exc

    @staticmethod
    def key(sentence: str, fingerprint: str) -> str:
        return hashlib.sha256(f"{fingerprint}\n{sentence}".encode()).hexdigest()

    def check_many(self, sentences: list[str], checker, check: Callable[[Iterable[str]], Iterable[CheckResult]]
                   ) -> tuple[list[CheckResult], int]:
        """Results for `sentences` (cached ones reused, the rest from `check`), and how many were reused."""
        fingerprint = self._fingerprints.get(checker)
        if fingerprint is None:
            fingerprint = self._fingerprints[checker] = checker_fingerprint(checker)
        keys = [self.key(s, fingerprint) for s in sentences]
        found: dict[str, CheckResult] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = self._db.execute(f"SELECT key, result FROM results WHERE key IN ({','.join('?' * len(chunk))})",
                                    chunk).fetchall()
            found.update((k, CheckResult.model_validate_json(v)) for k, v in rows)
        todo = [(k, s) for k, s in zip(keys, sentences) if k not in found]
        fresh = list(check(s for _, s in todo)) if todo else []
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)",
                                 [(k, r.model_dump_json()) for (k, _), r in zip(todo, fresh)])
        found.update((k, r) for (k, _), r in zip(todo, fresh))
        return [found[k] for k in keys], len(sentences) - len(todo)

    def close(self) -> None:
        self._db.close()
