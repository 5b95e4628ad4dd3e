"""People who act for an organisation act as it does: "reporters from the Herald interviewed nurses" is the Herald
interviewing them, so "The Herald interviewed nurses" is no other doer; another organisation still is. Invented."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, whether the roles rule contradicts)
CASES = [
    ("Reporters from the Herald interviewed three nurses about the strike.",
     "The Tribune interviewed nurses about the strike.", True),
    ("A spokesman for Acme Corp signed the contract.", "Orbix signed the contract.", True),
    ("The Herald built the new printing plant.", "Reporters from the Tribune built the new printing plant.", True),
    # must not fire: the organisation they act for is the statement's doer
    ("Reporters from the Herald interviewed three nurses about the strike.",
     "The Herald interviewed nurses about the strike.", False),
    ("A spokesman for Acme Corp signed the contract.", "Acme Corp signed the contract.", False),
    ("The Herald built the new printing plant.", "Engineers from the Herald built the new printing plant.", False),
    ("Officials at the Ministry of Health launched the campaign.", "The Ministry of Health launched the campaign.",
     False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_acting_for(source, statement, contradicts):
    found = [f for f in run_rules(source, statement) if f.rule == "roles" and f.relation == "contradicts"]
    assert bool(found) == contradicts


def test_table_is_balanced():
    fire = sum(c[2] for c in CASES)
    assert len(CASES) - fire >= fire
