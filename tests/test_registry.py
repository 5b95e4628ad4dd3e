"""Rules and judges come from registries that outside packages extend through entry points."""

from __future__ import annotations

import sys
import types
from importlib.metadata import EntryPoint

import pytest

import factcheck.judge.registry as registry
from factcheck.checker import Checker
from factcheck.errors import InputError
from factcheck.judge.rules import run_rules
from factcheck.results import Finding


def check_shouting(src, stmt):
    """A statement in capitals where the source is not: flag it (an outside package's house rule)."""
    if stmt.text.isupper() and not src.text.isupper():
        return [Finding(rule="shouting", relation="neutral", explanation="the statement is in capitals")]
    return []


@pytest.fixture
def newsroom_plugin(monkeypatch):
    """An installed distribution declaring `shouting = "newsroom_rules:check_shouting"` in `factcheck.rules`."""
    module = types.ModuleType("newsroom_rules")
    module.check_shouting = check_shouting
    monkeypatch.setitem(sys.modules, "newsroom_rules", module)
    declared = [EntryPoint(name="shouting", value="newsroom_rules:check_shouting", group="factcheck.rules")]
    monkeypatch.setattr(registry, "entry_points", lambda group: [ep for ep in declared if ep.group == group])
    monkeypatch.setattr(registry.rules, "_items", dict(registry.rules._items))
    monkeypatch.setattr(registry.rules, "_loaded", False)


def test_builtin_rules_run_in_order_and_coverage_is_a_document_rule():
    assert list(registry.rules)[:7] == ["quantities", "dates", "polarity", "antonyms", "roles", "attribution",
                                        "coverage"]
    assert list(registry.DOCUMENT_RULES) == ["coverage"] and "coverage" not in registry.PAIR_RULES


def test_a_rule_from_an_entry_point_runs(newsroom_plugin, nlp):
    assert list(registry.PAIR_RULES)[-1] == "shouting"
    findings = run_rules("The army left the town.", "THE ARMY LEFT THE TOWN.", nlp=nlp)
    assert [f.rule for f in findings] == ["shouting"]


def test_a_rule_from_an_entry_point_reaches_the_verdict_evidence(newsroom_plugin, fake_embedder, fake_nli):
    checker = Checker.from_texts({"a": "The army left the town in 2016."}, embedder=fake_embedder, nli=fake_nli)
    result = checker.check("THE ARMY LEFT THE TOWN IN 2016.")
    assert "shouting" in {f.rule for ev in result.evidence for f in ev.findings}


def test_a_registered_judge_is_used_and_an_unknown_one_is_refused(monkeypatch, fake_embedder):
    class Abstain:
        name = "abstain"

        def judge_many(self, statements, hits, names_of=None, context_of=None):
            from factcheck.results import CheckResult, Verdict

            return [CheckResult(statement=s, verdict=Verdict.NOT_ENOUGH_INFO, confidence=1.0, evidence=[],
                                explanation="abstains") for s in statements]

    monkeypatch.setattr(registry.judges, "_items", dict(registry.judges._items))
    registry.judges.register("abstain", lambda settings, nli=None: Abstain())
    monkeypatch.setenv("FACTCHECK_JUDGE", "abstain")
    checker = Checker.from_texts({"a": "The army left the town."}, embedder=fake_embedder)
    assert checker.check("The army left the town.").explanation == "abstains"
    monkeypatch.setenv("FACTCHECK_JUDGE", "oracle")
    with pytest.raises(InputError, match="unknown judge 'oracle'; choose one of nli, similarity, abstain"):
        Checker.from_texts({"a": "x y z."}, embedder=fake_embedder)
