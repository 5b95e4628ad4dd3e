"""Table-driven tests of acts the roles rule reads as done: an act is done by its subject unless it is negated or
is what a negated verb reaches for ("did not move to dismantle FEMA", "never tried to suspend the broadcaster"). A
denied act names nobody acting on anything, so it can neither back the statement nor shield it from a
contradiction. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

DECISION = "The Harlow administration's decision to dismantle FEMA has hit the region hard."
SUSPENDED = "Ortega suspended Telemundo."

# (source sentence, statement, whether the roles rule supports)
CASES = [
    # the act is done in both texts: the rule backs the statement
    (DECISION, "The Harlow administration moved to dismantle FEMA.", True),
    (DECISION, "The Harlow administration decided to dismantle FEMA.", True),
    (SUSPENDED, "Ortega suspended Telemundo in May.", True),
    ("Ortega moved to suspend Telemundo in May.", "Ortega suspended Telemundo.", True),
    # the statement denies the act, or denies reaching for it: nothing to back
    (DECISION, "The Harlow administration did not move to dismantle FEMA.", False),
    (DECISION, "The Harlow administration never tried to dismantle FEMA.", False),
    (DECISION, "The Harlow administration did not decide to dismantle FEMA.", False),
    (SUSPENDED, "Ortega did not suspend Telemundo.", False),
    (SUSPENDED, "Ortega never moved to suspend Telemundo.", False),
    # the source denies it: the statement's act is not the source's
    ("Ortega did not try to suspend Telemundo.", "Ortega suspended Telemundo.", False),
    ("Ortega never moved to suspend Telemundo.", "Ortega moved to suspend Telemundo.", False),
]


@pytest.mark.parametrize(("source", "statement", "supports"), CASES)
def test_a_denied_act_backs_nothing(source, statement, supports):
    found = rule_findings("roles", source, statement, "supports")
    assert bool(found) is supports, found


def test_a_denied_act_leaves_the_contradiction_open():
    """The denial is no longer shielded: nothing the roles rule says blocks a contradiction."""
    from factcheck.judge.rules import run_rules

    found = run_rules(DECISION, "The Harlow administration never tried to dismantle FEMA.")
    assert not [f for f in found if f.blocks == "contradiction"], found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)
