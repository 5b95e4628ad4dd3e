"""The passage: the most similar claim read by NLI together with the next most similar sentences of its document,
for statements whose evidence is spread over neighbouring sentences (Evidence.passage; pass_* features)."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.checker import Checker
from factcheck.judge.verdict_model import FEATURES, VerdictModel, statement_features
from factcheck.results import Evidence
from factcheck.settings import get_settings

SPREAD = ("The ministry suspended the programme in March. Officials met in Geneva on Friday. "
          "The programme had cost 40 million dollars.")
STATEMENT = "The ministry suspended the programme which had cost 40 million dollars in March."


def checker(docs, fake_embedder, fake_nli, **settings):
    """A threshold-fusion checker (the fake NLI has no verdict model) that reads passages, as the fit's collector
    asks it to."""
    ck = Checker.from_texts(docs, settings=get_settings(**settings), embedder=fake_embedder, nli=fake_nli)
    ck.judge.collect_passages = True
    return ck


def test_a_fact_spread_over_two_sentences_is_read_as_one_passage(fake_embedder, fake_nli):
    result = checker({"a.txt": SPREAD}, fake_embedder, fake_nli).check(STATEMENT)
    scored = [e for e in result.evidence if e.probabilities]
    assert all(e.probabilities["entailment"] < 0.5 for e in scored)  # no sentence alone says it all
    with_passage = [e for e in result.evidence if e.passage]
    assert len(with_passage) == 1 and with_passage[0] is max(scored, key=lambda e: e.similarity)
    assert with_passage[0].passage["entailment"] > 0.8  # read together, they do
    assert abs(sum(with_passage[0].passage.values()) - 1) < 1e-3


@pytest.mark.parametrize("case", ["off", "one_sentence", "other_documents"])
def test_no_passage_where_there_is_nothing_to_read_together(case, fake_embedder, fake_nli):
    if case == "off":
        ck = checker({"a.txt": SPREAD}, fake_embedder, fake_nli, passage_sentences=1)
    elif case == "one_sentence":
        ck = checker({"a.txt": "The ministry suspended the programme in March."}, fake_embedder, fake_nli)
    else:  # each fact in its own document: a passage never joins two sources
        ck = checker({"a.txt": "The ministry suspended the programme in March.",
                      "b.txt": "The programme had cost 40 million dollars."}, fake_embedder, fake_nli)
    result = ck.check(STATEMENT)
    assert result.evidence and not any(e.passage for e in result.evidence)


def test_a_verdict_model_that_does_not_read_passages_pays_nothing(fake_embedder, fake_nli):
    k = 3
    model = VerdictModel(features=("ent_max", "con_max", "sim_max"), mean=np.zeros(k), scale=np.ones(k),
                         weights=np.zeros((3, k)), bias=np.zeros(3))
    ck = Checker.from_texts({"a.txt": SPREAD}, settings=get_settings(), embedder=fake_embedder, nli=fake_nli)
    assert ck.judge.verdict_model is None and not ck.judge.reads_passages  # the threshold fusion reads none either
    assert not any(e.passage for e in ck.check(STATEMENT).evidence)
    ck.judge.verdict_model = model
    assert not ck.judge.reads_passages
    assert not any(e.passage for e in ck.check(STATEMENT).evidence)
    ck.judge.verdict_model = VerdictModel(features=("pass_ent",), mean=np.zeros(1), scale=np.ones(1),
                                          weights=np.zeros((3, 1)), bias=np.zeros(3))
    assert ck.judge.reads_passages


def _ev(similarity, ent, con, passage=None):
    return Evidence(claim="c", sentence="c", source="a.txt", start_char=0, end_char=1, similarity=similarity,
                    relation="neutral", probabilities={"entailment": ent, "neutral": 1 - ent - con,
                                                       "contradiction": con}, passage=passage)


def test_pass_features_read_the_passage_else_the_most_similar_item():
    assert {"pass_ent", "pass_con"} <= set(FEATURES)
    plain = [_ev(0.9, 0.2, 0.1), _ev(0.7, 0.6, 0.0)]
    f = statement_features("x", plain)
    assert (f["pass_ent"], f["pass_con"]) == (f["ent_top"], f["con_top"]) == (0.2, 0.1)
    read = [_ev(0.9, 0.2, 0.1, passage={"entailment": 0.85, "neutral": 0.1, "contradiction": 0.05}),
            _ev(0.7, 0.6, 0.0)]
    f = statement_features("x", read)
    assert (f["pass_ent"], f["pass_con"]) == (0.85, 0.05)
    assert f["ent_max"] == 0.6  # the items' own features are unchanged


def test_the_explanation_says_when_the_passage_reads_more_than_the_sentence():
    from factcheck.judge.fusion import _why

    owner = _ev(0.9, 0.2, 0.1, passage={"entailment": 0.85, "neutral": 0.1, "contradiction": 0.05})
    owner.relation = "supports"
    assert "read with the next most similar sentences of its document, NLI entailment 0.85" in _why(owner)
    same = _ev(0.9, 0.8, 0.1, passage={"entailment": 0.85, "neutral": 0.1, "contradiction": 0.05})
    same.relation = "supports"
    assert "read with" not in _why(same)  # the sentence alone says as much
    alone = _ev(0.9, 0.8, 0.1)
    alone.relation = "supports"
    assert "read with" not in _why(alone)
