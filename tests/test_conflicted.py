"""CONFLICTED: strong evidence from two different documents pointing opposite ways."""

from __future__ import annotations

from dataclasses import replace

from factcheck.checker import Checker
from factcheck.judge.fusion import FusionConfig, decide, with_relations
from factcheck.judge.nli import SHIPPED_MODEL_DIR, read_fusion_params
from factcheck.results import Evidence, Verdict
from factcheck.settings import Settings

CFG = FusionConfig.from_settings(Settings(), read_fusion_params(SHIPPED_MODEL_DIR))  # the shipped model's


def ev(sentence, source, sim, e=0.0, c=0.0):
    return Evidence(claim=sentence, sentence=sentence, source=source, start_char=0, end_char=len(sentence),
                    similarity=sim, relation="neutral",
                    probabilities={"entailment": e, "neutral": 1 - e - c, "contradiction": c})


def test_strong_support_and_contradiction_from_two_documents_is_conflicted():
    items = [ev("Aid rose in 2024.", "a.txt", 0.9, e=0.9, c=0.05), ev("Aid fell in 2024.", "b.txt", 0.9, c=0.9, e=0.05)]
    verdict, conf, why = decide(items, CFG)
    assert verdict is Verdict.CONFLICTED
    assert "sources conflict" in why
    assert "Aid rose in 2024." in why and "a.txt:0-" in why and "Aid fell in 2024." in why and "b.txt:0-" in why
    assert conf == round(min(0.9 * 0.9, 0.9 * 0.9), 4)
    assert [i.relation for i in with_relations(items, CFG)] == ["supports", "contradicts"]  # both sides visible


def test_opposite_evidence_within_one_document_keeps_the_higher_score():
    items = [ev("Aid rose in 2024.", "a.txt", 0.9, e=0.9, c=0.05), ev("Aid fell in 2024.", "a.txt", 0.8, c=0.9)]
    verdict, _, why = decide(items, CFG)
    assert verdict is Verdict.SUPPORTED and "Note: other evidence contradicts it" in why


def test_a_weak_opposite_side_is_not_a_conflict():
    # The contradiction is real but barely relevant (similarity 0.45 → score ≈ 0.4 < conflict_score).
    items = [ev("Aid rose in 2024.", "a.txt", 0.9, e=0.9), ev("Aid fell.", "b.txt", 0.45, c=0.9)]
    assert decide(items, CFG)[0] is Verdict.SUPPORTED
    assert decide(items, replace(CFG, conflict_score=0.3))[0] is Verdict.CONFLICTED


def test_two_document_corpus_end_to_end(fake_embedder, fake_nli):
    checker = Checker.from_texts({
        "ministry": "The Farc demobilized in 2016 after the peace deal was signed in Havana.",
        "blog": "The Farc demobilized in 2019 after the peace deal was signed in Havana.",
    }, embedder=fake_embedder, nli=fake_nli)
    result = checker.check("The Farc demobilized in 2016 after the peace deal was signed in Havana.")
    assert result.verdict is Verdict.CONFLICTED
    sides = {e.source: e.relation for e in result.evidence}
    assert sides == {"ministry": "supports", "blog": "contradicts"}
    # A statement only one document speaks to is not conflicted.
    single = Checker.from_texts({"ministry": "The Farc demobilized in 2016 after the peace deal was signed."},
                                embedder=fake_embedder, nli=fake_nli)
    assert single.check("The Farc demobilized in 2016 after the peace deal was signed.").verdict is Verdict.SUPPORTED


TWO_DOCS = {"ministry": "The Farc demobilized in 2016 after the peace deal was signed in Havana.",
            "blog": "The Farc demobilized in 2019 after the peace deal was signed in Havana."}
STATEMENT = "The Farc demobilized in 2016 after the peace deal was signed in Havana."


def test_eval_scores_conflicted_as_a_fourth_label_when_the_data_has_it(fake_embedder, fake_nli):
    from factcheck.apps.evaluate import LabelledStatement, evaluate, normalize_label

    assert normalize_label("conflicting") is Verdict.CONFLICTED and normalize_label("CONFLICTED") is Verdict.CONFLICTED
    checker = Checker.from_texts(TWO_DOCS, embedder=fake_embedder, nli=fake_nli)
    rows = [LabelledStatement(statement=STATEMENT, label=Verdict.CONFLICTED),
            LabelledStatement(statement="Brazil won the World Cup in Havana.", label=Verdict.NOT_ENOUGH_INFO)]
    report = evaluate(checker, rows)
    assert report.labels[-1] == "CONFLICTED" and report.per_class["CONFLICTED"].f1 == 1.0
    assert report.accuracy == 1.0
    # Three-label data: a CONFLICTED prediction is wrong and gets its own column, not a zero-support class.
    report = evaluate(checker, [LabelledStatement(statement=STATEMENT, label=Verdict.SUPPORTED)])
    assert "CONFLICTED" not in report.labels and report.confusion["SUPPORTED"]["CONFLICTED"] == 1


def test_csv_and_review_count_conflicted(fake_embedder, fake_nli, nlp):
    import csv
    import io

    from factcheck.apps.review import review_text
    from factcheck.render.formats import render

    checker = Checker.from_texts(TWO_DOCS, embedder=fake_embedder, nli=fake_nli)
    row = next(csv.DictReader(io.StringIO(render([checker.check(STATEMENT)], "csv"))))
    assert row["verdict"] == "CONFLICTED" and "sources conflict" in row["explanation"]
    report = review_text(STATEMENT + "\n", checker, nlp=nlp)
    assert report.counts["CONFLICTED"] == 1
    assert report.failed() and report.failed("conflicted") and report.failed("unsupported")
    assert not report.failed("contradicted")  # only CONTRADICTED fails at that level
