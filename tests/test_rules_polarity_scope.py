"""The polarity rule compares two predicates only when their clauses could be about the same thing: both naming
where, who or when, and sharing none of it, they are two facts, not one asserted and denied."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, whether the polarity rule contradicts)
CASES = [
    # must fire: the same thing, opposite or negated
    ("Sales in Ohio fell last year.", "Sales in Ohio rose last year.", True),
    ("Ticket sales fell in 2021.", "Ticket sales rose.", True),  # the statement names no year: same sales
    ("Ticket sales fell.", "Ticket sales rose in 2021.", True),
    ("Sales in Ohio fell, while sales in Texas rose.", "Sales in Texas fell.", True),
    ("The US suspended payments to Colombia.", "The US increased payments to Colombia.", True),
    ("Trump did not criticize Petro.", "Trump criticized Petro.", True),
    # must not fire: other places, years or actors
    ("Ticket sales fell 4% in 2021.", "Ticket sales rose 4% in 2022.", False),
    ("Sales in Ohio fell last year.", "Sales in Texas rose last year.", False),
    ("Sales in Ohio fell, while sales in Texas rose.", "Sales in Texas rose.", False),
    ("Exports to Peru declined in 2019.", "Exports to Chile increased in 2020.", False),
    ("The US suspended payments to Colombia.", "Spain increased payments to Peru.", False),
    ("Unemployment in Madrid rose in March.", "Unemployment in Seville fell in March.", False),
    ("Ticket sales fell.", "Ticket sales fell in 2021.", False),
    # the source says it both ways; the statement agrees with one
    ("Some passengers refused to sit near the exit, so that the crew would not have to sit there.",
     "Some passengers refused to sit near the exit.", False),
    ("The mayor did not sign the first bill, but she signed the second bill.", "The mayor signed the second bill.",
     False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_polarity_scope(source, statement, contradicts):
    found = [f for f in run_rules(source, statement) if f.rule == "polarity" and f.relation == "contradicts"]
    assert bool(found) == contradicts


def test_table_is_balanced():
    fire = sum(c[2] for c in CASES)
    assert len(CASES) - fire >= fire
