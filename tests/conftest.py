"""Shared fixtures: a fake embedder and fake NLI keep most tests fast; real models load once, in marked tests."""

from __future__ import annotations

import hashlib
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "bbc-mundo-us-colombia-alliance.txt"
SHARED = REPO.parent / "shared"
_WORD = re.compile(r"[a-z0-9$%]+")
_STOP = {"the", "a", "an", "of", "to", "in", "and", "is", "was", "has", "have", "been", "for", "on", "by", "with"}


@contextmanager
def batch_interrupted_at(monkeypatch, chunk: int):
    """Ctrl-C while the `chunk`-th batch of statements is being checked (batch and --resume tests)."""
    import factcheck.checker

    original = factcheck.checker.Checker.check_batch
    calls = {"n": 0}

    def dies(self, statements):
        calls["n"] += 1
        if calls["n"] == chunk:
            raise KeyboardInterrupt
        return original(self, statements)

    monkeypatch.setattr(factcheck.checker.Checker, "check_batch", dies)
    try:
        yield
    finally:
        monkeypatch.setattr(factcheck.checker.Checker, "check_batch", original)


def error_code(result) -> str | None:
    """The stable code (E101, …) of the one-line error a CLI run printed last, if any."""
    m = re.search(r"^Error (E\d{3}): [^\n]*\n?\Z", result.stderr, re.M)
    return m.group(1) if m else None


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


class FakeEmbedder:
    """Hashed bag of words, L2-normalized: similar wording → high cosine. Deterministic, instant."""

    model_id = "fake-bow"
    weights_sha256 = "fake-weights"
    dimension = 256

    def encode(self, texts, batch_size=64, show_progress=False):
        if isinstance(texts, str):
            raise ValueError("encode() takes a list of strings")
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in words(t):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dimension] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


class FakeNLI:
    """Entailment when the hypothesis's words are in the premise; contradiction on 'not'/'never' or a
    different number; neutral otherwise."""

    labels = ("entailment", "neutral", "contradiction")
    name = "fake-nli"

    @property
    def fusion_params(self):  # the fake stands in for the shipped model, thresholds included
        from factcheck.judge.nli import SHIPPED_MODEL_DIR, read_fusion_params

        return read_fusion_params(SHIPPED_MODEL_DIR)

    def predict(self, pairs, batch_size=32):
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        for i, (p, h) in enumerate(pairs):
            pw, hw = words(p), words(h)
            nums_p = {w for w in pw if any(c.isdigit() for c in w)}
            nums_h = {w for w in hw if any(c.isdigit() for c in w)}
            if ({"not", "never"} & hw) - pw or (nums_h and nums_p and not nums_h <= nums_p):
                out[i] = (0.05, 0.1, 0.85)
            elif hw and len(hw & pw) / len(hw) >= 0.8:
                out[i] = (0.9, 0.08, 0.02)
            else:
                out[i] = (0.1, 0.8, 0.1)
        return out


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture
def fake_nli():
    return FakeNLI()


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh FACTCHECK_HOME holding only the seed article, with fake models patched in."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path))
    import factcheck.judge.nli
    import factcheck.retrieval.embed

    monkeypatch.setattr(factcheck.retrieval.embed, "Embedder", FakeEmbedder)
    monkeypatch.setattr(factcheck.judge.nli, "load_nli", lambda name=None: FakeNLI())
    return tmp_path


def rule_findings(rule: str, source: str, statement: str, relation: str | None = None, nlp=None) -> list:
    """The findings of one rule on (source sentence, statement), optionally of one relation, each checked to
    quote its spans exactly as they stand in the two texts."""
    from factcheck.judge.rules import run_rules

    found = [f for f in run_rules(source, statement, nlp=nlp) if f.rule == rule
             and (relation is None or f.relation == relation)]
    for f in found:
        for span, text in ((f.source_span, source), (f.statement_span, statement)):
            assert span is None or text[span.start : span.end] == span.text, (span, text)
    return found


RELATION_ORDER = {"neutral": 0, "supports": 1, "contradicts": 2}


def assert_decides(found: list, expected: str | None) -> None:
    """Table tests of a rule: `expected` is the strongest relation among its findings (contradicts > supports >
    neutral), or None for "must not contradict"."""
    if expected is None:
        assert not [f for f in found if f.relation == "contradicts"], found
    else:
        assert max((f.relation for f in found), key=RELATION_ORDER.__getitem__, default=None) == expected, found


@pytest.fixture(scope="session")
def nlp():
    from factcheck.ingest.nlp import get_nlp

    return get_nlp()
