"""A figure per period ("500 cars a day", "$2 million annually", "40 patients per week") is compared per day with
another rate, and is not a total: the same number per another period contradicts, a rate does not confirm a total.
Invented sentences only."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, the quantities rule's relations)
CASES = [
    # must fire: the same figure per another period
    ("The bakery sells 300 loaves a day.", "The bakery sells 300 loaves a week.", {"contradicts"}),
    ("The charity spends $2 million annually on meals.", "The charity spends $2 million a month on meals.",
     {"contradicts"}),
    ("The ferry carries 900 passengers per hour.", "The ferry carries 900 passengers a day.", {"contradicts"}),
    # must fire: a rate cannot confirm a total
    ("The bakery sells 300 loaves a day.", "The bakery sold 300 loaves.", {"neutral"}),
    # must not fire: the same rate written another way, or no rate on either side
    ("The bakery sells 300 loaves a day.", "The bakery sells 2,100 loaves a week.", {"supports"}),
    ("The charity spends $2 million annually on meals.", "The charity spends $2 million a year on meals.",
     {"supports"}),
    ("The ferry carries 900 passengers per hour.", "The ferry carries 900 passengers an hour.", {"supports"}),
    ("Five patients died a day later.", "Five patients died.", {"supports"}),
    ("The clinic treated 40 patients on Monday.", "The clinic treated 40 patients on Monday.", {"supports"}),
    ("The bakery sells 300 loaves a day.", "The bakery has three ovens.", set()),
]


@pytest.mark.parametrize(("source", "statement", "relations"), CASES)
def test_rates(source, statement, relations):
    assert {f.relation for f in run_rules(source, statement) if f.rule == "quantities"} == relations


def test_table_is_balanced():
    fire = sum(c[2] & {"contradicts", "neutral"} != set() for c in CASES)
    assert len(CASES) - fire >= fire
