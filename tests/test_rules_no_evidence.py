"""Table-driven tests of what a text finds no evidence of (the polarity rule): "we found no evidence that the drug
reduced the risk" says neither that it did nor that it did not, so it contradicts no statement either way; evidence
found, or the act said outright, still does. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

NO_EVIDENCE = "The trial found no evidence that the drug reduced the risk of hospital admission."

# (source sentence, statement, whether the polarity rule contradicts)
CASES = [
    # must fire: the act is said (or evidence of it found) one way, the statement says the other
    ("The trial found that the drug reduced the risk of hospital admission.",
     "The drug increased the risk of hospital admission.", True),
    ("The trial found evidence that the drug reduced the risk of hospital admission.",
     "The drug did not reduce the risk of hospital admission.", True),
    ("The tax cut raised wages.", "The tax cut lowered wages.", True),
    # must not fire: no evidence either way
    (NO_EVIDENCE, "The drug increased the risk of hospital admission.", False),
    (NO_EVIDENCE, "The drug did not reduce the risk of hospital admission.", False),
    ("The audit did not find evidence that the charity misused funds.", "The charity did not misuse funds.", False),
    ("The inspectors found no sign that the dam had weakened.", "The dam had not weakened.", False),
    ("The drug reduced the risk of hospital admission.",
     "There is no evidence that the drug increased the risk of hospital admission.", False),
    # … also where the parser loses the clause after a long subject set off by commas
    ("The review found no evidence that use of the drug, either with or without the vaccine, reduced the risk of "
     "death in patients admitted to hospital.", "The drug increased the risk of death.", False),
    ("There was no evidence that the fund lost money, but the board cut costs.", "The board raised costs.", True),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_no_evidence_is_no_side(source, statement, contradicts):
    found = rule_findings("polarity", source, statement, "contradicts")
    assert bool(found) is contradicts, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


@pytest.mark.parametrize(("source", "statement", "contradicts"), [
    (NO_EVIDENCE, "The drug was associated with an increased risk of hospital admission.", False),
    ("The trial found that the drug reduced the risk of hospital admission.",
     "The drug was associated with an increased risk of hospital admission.", True),
])
def test_no_evidence_is_no_opposite(source, statement, contradicts):
    """The antonyms rule reads the same scope: an opposite of what no evidence was found for is no contradiction."""
    found = rule_findings("antonyms", source, statement, "contradicts")
    assert bool(found) is contradicts, found
