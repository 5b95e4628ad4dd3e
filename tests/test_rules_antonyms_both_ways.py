"""Table-driven tests of a source that gives a thing's property both ways (the antonyms rule): "blood type B was
more likely to test positive and type O less likely" gives "less likely" to type O, so a statement that says so is
not contradicted by the "more" said of another type; a source that gives one way still contradicts the other.
Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

DRIVERS = "Drivers in the north were more likely to crash and drivers in the south were less likely to crash."
ROUTES = "The northern route is safe, while the southern route is dangerous."

# (source sentence, statement, whether the antonyms rule contradicts)
CASES = [
    # must fire: the source gives the property one way
    ("Children were more likely to recover.", "Children were less likely to recover.", True),
    ("The northern route is safe.", "The northern route is dangerous.", True),
    ("The new policy is popular with farmers.", "The new policy is unpopular with farmers.", True),
    # must not fire: the source gives it both ways, and one of them is the statement's
    (DRIVERS, "Drivers in the south were less likely to crash.", False),
    (DRIVERS, "Drivers in the north were more likely to crash than others.", False),
    (ROUTES, "The southern route is dangerous.", False),
    (ROUTES, "The northern route is safe for cyclists.", False),
    ("Patients with blood type B were more likely to test positive and blood type O was less likely to test positive.",
     "People with type O blood were slightly less likely to test positive.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_a_property_given_both_ways(source, statement, contradicts):
    found = rule_findings("antonyms", source, statement, "contradicts")
    assert bool(found) is contradicts, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)
