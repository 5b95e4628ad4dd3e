"""Pins the public JSON shape of a check result (issue #2 contract)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from factcheck.cli import main

TOP = {"statement": str, "verdict": str, "confidence": float, "evidence": list, "explanation": str}
EVIDENCE = {"claim": str, "sentence": str, "source": str, "start_char": int, "end_char": int,
            "similarity": float, "relation": str, "findings": list}
FINDING = {"rule": str, "relation": str, "explanation": str}


def _check(home, *args):
    r = CliRunner().invoke(main, ["check", *args, "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_json_shape(home):
    data = _check(home, "US aid to Colombia exceeded $400 million in 2024.")
    assert set(TOP) <= set(data)
    for key, typ in TOP.items():
        assert isinstance(data[key], typ), key
    assert data["verdict"] in ("SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO", "CONFLICTED")
    assert 0.0 <= data["confidence"] <= 1.0
    assert data["parts"] is None  # one fact: no breakdown (a split statement has a list of full results)
    assert data["evidence"]
    for ev in data["evidence"]:
        assert set(EVIDENCE) <= set(ev)
        for key, typ in EVIDENCE.items():
            assert isinstance(ev[key], typ), key
        assert ev["relation"] in ("supports", "contradicts", "neutral")
        assert ev.get("passage") is None or set(ev["passage"]) == {"entailment", "neutral", "contradiction"}
        assert "read_after" in ev and (ev["read_after"] is None or isinstance(ev["read_after"], str) and ev["read_after"])
        assert "contrapositive" in ev and (ev["contrapositive"] is None
                                           or set(ev["contrapositive"]) == {"entailment", "neutral", "contradiction"})
        assert "unused_words" in ev and (ev["unused_words"] is None
                                         or all(isinstance(w, str) and w for w in ev["unused_words"]))
        for f in ev["findings"]:
            for key, typ in FINDING.items():
                assert isinstance(f[key], typ)
            assert f["relation"] in ("supports", "contradicts", "neutral")


def test_evidence_offsets_point_into_the_source(home):
    data = _check(home, "The Farc demobilized in 2016.")
    for ev in data["evidence"]:
        original = (home / ev["source"]).read_text(encoding="utf-8")
        assert original[ev["start_char"] : ev["end_char"]] == ev["sentence"]


def test_json_shape_of_a_split_statement(home):
    data = _check(home, "The Farc, which demobilized in 2016, was weakened by Plan Colombia.")
    assert isinstance(data["parts"], list) and len(data["parts"]) >= 2
    for part in data["parts"]:
        for key, typ in TOP.items():
            assert isinstance(part[key], typ), key
        assert part["parts"] is None


PROBABILITIES = {"SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO"}


def test_threshold_fusion_results_carry_no_probabilities(home):
    # The fake NLI model ships no verdict_model.json: the threshold fusion decides and says no more than it knows.
    data = _check(home, "US aid to Colombia exceeded $400 million in 2024.")
    assert "verdict_probabilities" in data and data["verdict_probabilities"] is None


def test_json_shape_with_the_learned_verdict_model(home, monkeypatch, fake_nli):
    import factcheck.judge.nli
    from factcheck.judge.nli import SHIPPED_MODEL_DIR
    from factcheck.judge.verdict_model import read_model_verdict

    class FakeNLIWithVerdictModel(type(fake_nli)):
        verdict_model = read_model_verdict(SHIPPED_MODEL_DIR)

    monkeypatch.setattr(factcheck.judge.nli, "load_nli", lambda name=None: FakeNLIWithVerdictModel())
    for statement in ("US aid to Colombia exceeded $400 million in 2024.", "The Farc demobilized in 2020.",
                      "Brazil offered to mediate between Colombia and the US."):
        data = _check(home, statement)
        for key, typ in TOP.items():
            assert isinstance(data[key], typ), key
        probs = data["verdict_probabilities"]
        assert isinstance(probs, dict) and set(probs) == PROBABILITIES
        assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in probs.values())
        assert abs(sum(probs.values()) - 1.0) <= 1e-3
        assert data["confidence"] == probs[data["verdict"]]  # the confidence is the verdict's probability
