"""Tiny deterministic stand-ins for the embedder and the NLI model, so the harness runs in seconds.

They have the real classes' interfaces (`Embedder.encode`, `NLIModel.predict`) and crude word-overlap
behaviour; figures they produce measure the harness, never the models.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from factcheck.nli import LABELS

_WORD = re.compile(r"[a-z0-9]+")
_NEGATIONS = {"not", "no", "never", "nor", "none", "neither", "without"}


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


class FakeEmbedder:
    """Hashed bag of words, L2-normalized: similar word sets → high cosine."""

    model_id = "fake-bag-of-words"
    weights_sha256 = "0" * 64
    dimension = 256

    def encode(self, texts: list[str], batch_size: int = 64, show_progress: bool = False) -> np.ndarray:
        if isinstance(texts, str):
            raise ValueError("encode() takes a list of strings; wrap a single text in a list")
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _words(text):
                out[row, int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % self.dimension] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)


class FakeNLI:
    """Entailment when the hypothesis' words are (mostly) in the premise, contradiction when only negation
    differs, else neutral."""

    labels = LABELS
    name = "fake-word-overlap"

    def predict(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        for i, (premise, hypothesis) in enumerate(pairs):
            p, h = _words(premise), _words(hypothesis)
            overlap = len((h - _NEGATIONS) & p) / max(1, len(h - _NEGATIONS))
            negation_differs = bool((p & _NEGATIONS) ^ (h & _NEGATIONS))
            if overlap >= 0.7 and negation_differs:
                out[i] = (0.05, 0.15, 0.8)
            elif overlap >= 0.7:
                out[i] = (0.8, 0.15, 0.05)
            else:
                out[i] = (0.1, 0.8, 0.1)
        return out
