"""Tests for the synthetic NLI pair generator (factcheck.training.synth)."""

from __future__ import annotations

import random
import re
import zlib

import numpy as np
import pytest

from factcheck.judge.rules.lexicon import opposite_forms
from factcheck.training import synth as S
from factcheck.training.synth import base, core, numbers_dates


@pytest.fixture(scope="module")
def nlp():
    from factcheck.ingest.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="module")
def ctx(nlp):
    docs = list(nlp.pipe(CORPUS))
    return S.SynthContext(entities=S.entity_pool(docs))


CORPUS = [
    "Barack Obama accused Vladimir Putin of meddling in the election.",
    "The company raised $400 million in 2016, according to Reuters.",
    "About 80% of voters in Ohio supported the measure.",
    "The minister was sacked on Monday.",
    "The senator did not attend the meeting in Paris.",
    "Prices rose sharply after the left-wing government took office.",
    "John Smith, who founded the firm in 1990, resigned from the board on Tuesday.",
    "The army withdrew from the city, and the rebels declared victory.",
    "Germany won the match against France in Berlin.",
    "Angela Merkel criticised Google for its tax practices.",
    "The police arrested three men in London last week.",
    "Exports to China increased by 12% in 2019.",
]


def fake_embed(texts):
    """Deterministic bag-of-words hashing embedder (no model download, topical-ish similarity)."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in re.findall(r"[a-z]+", t.lower()):
            out[i, zlib.crc32(w.encode()) % 64] += 1.0
        out[i, 0] += 3.0  # shared component so every pair is moderately similar
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def run(name, nlp, ctx, text, seed=0):
    return S.TRANSFORMS[name](nlp(text), random.Random(seed), ctx)


def numbers(s):
    return re.findall(r"\d[\d,.]*", s)


def test_registry_and_labels():
    assert set(S.TRANSFORMS) == set(S.TRANSFORM_LABEL)
    assert set(S.TRANSFORM_LABEL.values()) == {"entailment", "neutral", "contradiction"}
    assert len({frozenset(p) for p in opposite_forms().items()}) >= 40


def test_number_change(nlp, ctx):
    for seed in range(5):
        p = "The company raised $400 million in 2016, according to Reuters."
        h = run("number_change", nlp, ctx, p, seed)
        assert h and h != p
        assert "2016" in h  # years are left to date_change
        assert "$400 million" not in h
    h = run("number_change", nlp, ctx, "About 80% of voters in Ohio supported the measure.")
    m = re.search(r"(\d+)%", h)
    assert m and m.group(1) != "80" and 1 <= int(m.group(1)) <= 99
    h = run("number_change", nlp, ctx, "The police arrested three men in London last week.")
    assert h and "three" not in h


def test_date_change(nlp, ctx):
    p = "Exports to China increased by 12% in 2019."
    h = run("date_change", nlp, ctx, p)
    assert h and "2019" not in h and "12%" in h
    assert re.search(r"\b(19|20)\d\d\b", h)
    h = run("date_change", nlp, ctx, "The minister was sacked on Monday.")
    assert h and "Monday" not in h and any(d in h for d in numbers_dates._DAYS)


def test_entity_swap(nlp, ctx):
    p = "Angela Merkel criticised Google for its tax practices."
    for seed in range(3):
        h = run("entity_swap", nlp, ctx, p, seed)
        assert h and h != p
        assert ("Angela Merkel" not in h) or ("Google" not in h)
        swapped = [e for es in ctx.entities.values() for e in es if e in h and e not in p]
        assert swapped, h


def test_role_swap(nlp, ctx):
    h = run("role_swap", nlp, ctx, "Barack Obama accused Vladimir Putin of meddling in the election.")
    assert h == "Vladimir Putin accused Barack Obama of meddling in the election."


def test_negation(nlp, ctx):
    assert run("negation", nlp, ctx, "The minister was sacked on Monday.") == "The minister was not sacked on Monday."
    h = run("negation", nlp, ctx, "The senator did not attend the meeting in Paris.")
    assert h and " not " not in h and "attend" in h
    assert run("negation", nlp, ctx, "Germany won the match against France in Berlin.") == \
        "Germany did not win the match against France in Berlin."
    h = run("negation", nlp, ctx, "She doesn't like the plan.")
    assert h and "n't" not in h and "not" not in h


def test_antonym(nlp, ctx):
    assert run("antonym", nlp, ctx, "Germany won the match against France in Berlin.") == \
        "Germany lost the match against France in Berlin."
    h = run("antonym", nlp, ctx, "Prices rose sharply after the left-wing government took office.")
    assert h in ("Prices fell sharply after the left-wing government took office.",
                 "Prices rose sharply before the left-wing government took office.",
                 "Prices rose sharply after the right-wing government took office.")
    assert base._case_like("after", "Before") == "After"


def test_drop_clause(nlp, ctx):
    p = "John Smith, who founded the firm in 1990, resigned from the board on Tuesday."
    seen = {run("drop_clause", nlp, ctx, p, seed) for seed in range(8)}
    seen.discard(None)
    assert seen
    for h in seen:
        assert h != p and len(h) < len(p)
        assert "John Smith" in h and "resigned" in h
    assert "John Smith resigned from the board on Tuesday." in seen
    h = run("drop_clause", nlp, ctx, "The minister was sacked on Monday.")
    assert h == "The minister was sacked."


def test_conj_split(nlp, ctx):
    h = run("conj_split", nlp, ctx, "The army withdrew from the city, and the rebels declared victory.")
    assert h in ("The army withdrew from the city.", "The rebels declared victory.")


def test_number_paraphrase(nlp, ctx):
    h = run("number_paraphrase", nlp, ctx, "About 80% of voters in Ohio supported the measure.")
    assert h and h != "About 80% of voters in Ohio supported the measure."
    assert "80" in h and numbers(h) == ["80"]
    seen = {run("number_paraphrase", nlp, ctx, "The deal was worth exceeding $400 million.", s) for s in range(6)}
    assert any("400 million dollars" in h for h in seen)
    assert any(re.search(r"(more than|over|in excess of) ", h) for h in seen)


def test_not_applicable(nlp, ctx):
    plain = "The weather was pleasant."
    for name in ("number_change", "date_change", "entity_swap", "role_swap", "number_paraphrase", "conj_split"):
        assert run(name, nlp, ctx, plain) is None, name
    assert run("role_swap", nlp, ctx, "The dog chased the cat.") is None
    assert run("antonym", nlp, ctx, "The cat sat on the mat.") is None
    assert run("drop_clause", nlp, ctx, "The senator did not attend the meeting in Paris.") is None  # negated
    assert run("negation", nlp, ctx, "Why?") is None
    assert run("neighbour", nlp, ctx, plain) is None


def test_neighbours_band():
    texts = ["a b c d", "a b c e", "x y z w", "a b q r"]
    emb = np.array([[1, 0], [0.99, 0.141], [0, 1], [0.7, 0.714]], dtype=np.float32)
    nb = S.compute_neighbours(texts, lambda t: emb, band=(0.45, 0.85))
    assert nb["a b c d"] == ["a b q r"]  # 0.99 too close, 0.0 too far
    assert "x y z w" in nb and "a b c d" not in nb["x y z w"]


def test_generate_pairs(nlp):
    kw = dict(n=30, seed=7, embed=fake_embed, nlp=nlp)
    a = S.generate_pairs(CORPUS, **kw)
    b = S.generate_pairs(CORPUS, **kw)
    assert a == b
    assert len(a) == 30
    assert S.generate_pairs(CORPUS, n=30, seed=8, embed=fake_embed, nlp=nlp) != a
    for p in a:
        assert set(p) == {"premise", "hypothesis", "label", "source"}
        assert p["label"] in ("entailment", "neutral", "contradiction")
        assert p["source"].startswith("synth:") and p["source"][6:] in S.TRANSFORMS
        assert S.TRANSFORM_LABEL[p["source"][6:]] == p["label"]
        assert p["hypothesis"].strip() != p["premise"].strip()
    assert len({p["label"] for p in a}) == 3
    small = S.generate_pairs(CORPUS, n=5, seed=7, embed=fake_embed, nlp=nlp)
    assert len(small) == 5


def test_mix(nlp):
    pairs = S.generate_pairs(CORPUS, n=12, seed=1, mix={"negation": 1.0}, embed=fake_embed, nlp=nlp)
    assert pairs and {p["source"] for p in pairs} == {"synth:negation"}
    with pytest.raises(ValueError):
        S.generate_pairs(CORPUS, n=5, mix={"bogus": 1.0}, embed=fake_embed, nlp=nlp)
    assert core._quotas(core._shares(None), 100)["neighbour"] == 25
    assert sum(core._quotas(core._shares(None), 101).values()) == 101
