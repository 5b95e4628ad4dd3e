"""The development statements written for this project (tests/fixtures/dev) are well formed and, for news_own,
point at the articles they were written about: every doc resolves to one FNC-1 body and every decisive span
quoted in news_own_evidence.csv is in it."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

DEV = Path(__file__).parent / "fixtures" / "dev"
LABELS = {"SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO"}


def rows(name):
    with open(DEV / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", ["seed_own.csv", "seed_fresh.csv", "news_own.csv"])
def test_each_set_has_statements_labels_and_kinds(name):
    data = rows(name)
    assert data and all(r["statement"].strip() and r["label"] in LABELS and r["kind"] for r in data)
    assert len({r["statement"] for r in data}) == len(data)  # no statement twice


def test_news_own_resolves_to_its_articles_and_quotes_them():
    from benchmarks.fit_verdict_model import FNC1_BODIES, fnc1_bodies

    if not FNC1_BODIES.is_file():
        pytest.skip(f"{FNC1_BODIES} is not here")
    data = rows("news_own.csv")
    per_doc = Counter(r["doc"] for r in data)
    assert len(per_doc) == 8 and set(per_doc.values()) == {15}
    bodies = fnc1_bodies(set(per_doc))
    assert all({r["label"] for r in data if r["doc"] == d} == LABELS for d in per_doc)  # each article: all three
    quoted = {int(e["row"]): e for e in rows("news_own_evidence.csv")}
    decided = {i for i, r in enumerate(data, start=1) if r["label"] != "NOT_ENOUGH_INFO"}
    assert set(quoted) == decided
    for i, e in quoted.items():
        assert e["doc"] == data[i - 1]["doc"] and e["evidence"] in bodies[e["doc"]], i


def test_an_unknown_news_body_is_named():
    from benchmarks.fit_verdict_model import FNC1_BODIES, fnc1_bodies

    if not FNC1_BODIES.is_file():
        pytest.skip(f"{FNC1_BODIES} is not here")
    with pytest.raises(ValueError, match="000000000000"):
        fnc1_bodies({"000000000000"})
