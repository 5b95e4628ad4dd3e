"""Table-driven tests of opposites that cancel: an opposite degree word on an opposite word says the same thing
("less robust than ever" against "more fragile than ever"), so the antonyms rule agrees instead of contradicting.
Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# (source sentence, statement, the antonyms rule's relation: "supports", "contradicts" or None)
CASES = [
    # two opposites cancel: agrees, never contradicts
    ("The truce looks more fragile than ever.", "The truce looks less robust than ever.", "supports"),
    ("The bridge is less safe than it was before the flood.", "The bridge is more dangerous than it was before the "
     "flood.", "supports"),
    ("The economy grew more slowly this year, the bank said.", "The bank said the economy grew less quickly this "
     "year.", "supports"),
    ("Prices in the capital are less stable than in the provinces.", "Prices in the capital are more unstable than "
     "in the provinces.", "supports"),
    # one opposite alone: contradicts as before
    ("The truce looks more fragile than ever.", "The truce looks less fragile than ever.", "contradicts"),
    ("The truce looks more fragile than ever.", "The truce looks more robust than ever.", "contradicts"),
    ("The truce looks fragile.", "The truce looks robust.", "contradicts"),
    ("The bridge is less safe than it was.", "The bridge is more safe than it was.", "contradicts"),
    ("The economy grew more slowly this year.", "The economy grew less slowly this year.", "contradicts"),
    # the degree word is on another word than the opposite: no cancelling
    ("The truce looks more fragile than ever.", "The ceasefire talks were less formal, and the truce looks robust.",
     "contradicts"),
    ("The truce looks more fragile than ever.", "The truce looks less formal than ever.", None),
    ("More officials called the truce fragile.", "Fewer officials called the truce robust.", "contradicts"),
]


@pytest.mark.parametrize(("source", "statement", "relation"), CASES)
def test_opposite_degrees_cancel(source, statement, relation):
    found = rule_findings("antonyms", source, statement)
    assert {f.relation for f in found} <= {relation} if relation else not found, found
    if relation:
        assert any(f.relation == relation for f in found), found
    if relation == "supports":
        assert all(f.blocks == "contradiction" for f in found)


def test_table_is_balanced():
    assert sum(c[2] != "supports" for c in CASES) >= sum(c[2] == "supports" for c in CASES)
