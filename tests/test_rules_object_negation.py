"""Table-driven tests of negation carried by a verb's object ("has had no team", "found no evidence", "said
nothing"), and of a denial that covers only part of what the other side asserts ("found no evidence of bribery"
leaves "found evidence of fraud" standing, but "refuses to meet room-change requests" denies "meets any guest
request"). Written for this project from the error kinds seen on development
summaries (tests/fixtures/dev/summaries_own.csv); no development sentence is copied."""

from __future__ import annotations

import pytest
from conftest import rule_findings

CASES = [
    # must fire: "no" on the object denies the verb
    ("The town has had no hospital since 1990.", "The town has had a hospital since 1990.", True),
    ("The guards had no access to the vault.", "The guards had access to the vault.", True),
    ("The audit found no evidence of fraud.", "The audit found evidence of fraud.", True),
    ("The audit found evidence of fraud.", "The audit found no evidence.", True),
    # must fire: what is said of every one of a kind is denied by its denial for a narrower kind
    ("The hotel said it tries to meet any guest request.", "The hotel said it refuses to meet room-change requests.",
     True),
    ("The agency answers every press inquiry.", "The agency does not answer television inquiries.", True),
    # must not fire: both sides deny, however worded
    ("The town hasn't had a hospital since 1990.", "The town has had no hospital since 1990.", False),
    ("The audit found no evidence of fraud.", "The audit did not find evidence of fraud.", False),
    ("The minister said nothing about the budget.", "The minister said nothing about the budget.", False),
    # must not fire: the denial is of something narrower than what the other side asserts
    ("The audit found evidence of fraud.", "The audit found no evidence of bribery.", False),
    ("The audit found evidence of fraud.", "The audit did not find evidence of bribery.", False),
    ("The hotel said it tries to meet guest requests.", "The hotel said it refuses to meet room-change requests.",
     False),
    ("The agency answers press inquiries.", "The agency does not answer television inquiries.", False),
    # must not fire: the source denies one object and asserts another
    ("The town has no hospital, but it has a clinic.", "The town has a clinic.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_negation_by_the_object(nlp, source, statement, fires):
    found = rule_findings("polarity", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


def test_the_explanation_quotes_the_denying_word(nlp):
    [finding] = rule_findings("polarity", "The guards had no access to the vault.", "The guards had access to the vault.",
                              nlp=nlp)
    assert "“no … had”" in finding.explanation and finding.source_span.text.startswith("had")
