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


@pytest.mark.parametrize("name", ["seed_own.csv", "seed_fresh.csv", "seed_roles.csv", "seed_blind.csv", "seed_blind2.csv",
                                  "seed_blind3.csv", "seed_blind4.csv", "seed_blind5.csv", "seed_blind6.csv",
                                  "seed_blind7.csv", "news_own.csv", "news_fresh.csv"])
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


def test_news_fresh_and_summaries_resolve_to_articles_none_of_news_own():
    from benchmarks.fit_verdict_model import FNC1_BODIES, fnc1_bodies

    if not FNC1_BODIES.is_file():
        pytest.skip(f"{FNC1_BODIES} is not here")
    fresh, summaries = rows("news_fresh.csv"), rows("summaries_own.csv")
    assert set(Counter(r["doc"] for r in fresh).values()) == {15}
    per_doc = Counter((r["doc"], r["label"]) for r in summaries)
    assert set(per_doc.values()) == {3} and {label for _, label in per_doc} == {"consistent", "inconsistent"}
    assert all((r["edit"] == "none") == (r["label"] == "consistent") for r in summaries)
    docs = {r["doc"] for r in fresh} | {r["doc"] for r in summaries}
    assert not docs & {r["doc"] for r in rows("news_own.csv")}
    assert set(fnc1_bodies(docs)) == docs


class _Result:
    def __init__(self, verdict):
        from factcheck.results import Verdict

        self.verdict, self.confidence, self.explanation = Verdict(verdict), 0.5, ""


def test_summary_scores_are_balanced_accuracy_of_both_readings(monkeypatch):
    import benchmarks.dev_sets as dev_sets

    # every sentence of a summary gets the verdict its "doc" names: a consistent summary all SUPPORTED, one with a
    # NOT_ENOUGH_INFO sentence, an inconsistent one with a CONTRADICTED sentence and one all SUPPORTED
    verdicts = {"a": "SUPPORTED", "b": "NOT_ENOUGH_INFO", "c": "CONTRADICTED", "d": "SUPPORTED"}
    monkeypatch.setattr(dev_sets, "_news_checker", lambda rows: lambda rs: [_Result(verdicts[r["doc"]]) for r in rs])
    data = [{"doc": "a", "summary": "One fact. Another fact.", "label": "consistent", "edit": "none"},
            {"doc": "b", "summary": "One fact.", "label": "consistent", "edit": "none"},
            {"doc": "c", "summary": "An edited fact.", "label": "inconsistent", "edit": "number"},
            {"doc": "d", "summary": "An invented fact.", "label": "inconsistent", "edit": "invented"}]
    line = dev_sets._summaries("toy", data, errors=False)
    # strict: a right, b flagged (not every sentence SUPPORTED), c caught, d missed
    assert "strict balanced accuracy 0.500 (recall consistent 0.500, inconsistent 0.500)" in line, line
    # contradiction-only: consistent 2/2, inconsistent 1/2
    assert "contradiction-only balanced accuracy 0.750 (recall consistent 1.000, inconsistent 0.500)" in line, line


def test_a_second_collect_into_the_same_cache_refuses(tmp_path):
    from filelock import FileLock

    from benchmarks.fit_verdict_model import CacheBusy, _only_collect

    with FileLock(str(tmp_path / ".collect.lock")):  # another collect holds the folder
        with pytest.raises(CacheBusy, match="another collect"):
            with _only_collect(tmp_path):
                pass
    with _only_collect(tmp_path):  # free again: collects
        pass
