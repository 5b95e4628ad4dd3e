"""Table-driven tests of a journey told the other way round (the roles rule): one flight, shipment or trip that sets
off from where the source's arrives contradicts it; another leg, the same direction, figures or a person's moves do
not. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# (source sentence, statement, whether the roles rule contradicts)
CASES = [
    ("The flight from Paris to London was cancelled.", "The flight from London to Paris was cancelled.", True),
    ("A charter flight from Oslo to Spain was delayed on Friday.", "A charter flight from Madrid to Oslo was delayed.",
     True),
    ("The shipment from Chile to Japan was seized at the port.", "The shipment from Japan to Chile was seized.", True),
    # another leg of a journey, the same direction, another thing
    ("The flight from Paris to London was cancelled.", "The flight from London to Berlin was cancelled.", False),
    ("The flight from Paris to London was cancelled.", "The flight from Paris to Berlin was cancelled.", False),
    ("The flight from Paris to London was cancelled.", "The London flight from Paris was cancelled.", False),
    ("The flight from Paris to London was cancelled.", "The train from London to Paris was cancelled.", False),
    # figures, or a person's moves (one may move back)
    ("Prices rose from 2010 to 2015.", "Prices rose from 2015 to 2020.", False),
    ("He moved from Paris to London in 2001.", "He moved from London to Paris in 2005.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_a_journey_the_other_way_round(source, statement, fires):
    found = [f for f in rule_findings("roles", source, statement, "contradicts") if "the other way" in f.explanation]
    assert bool(found) is fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


@pytest.mark.parametrize(("statement", "swap"), [
    # an end the document never names, on a journey told the other way round: the source is not silent
    ("The flight from Madrid to Oslo was cancelled.", True),
    # must not excuse: the same direction, or the unnamed place in another role
    ("The flight from Oslo to Madrid was cancelled.", False),
    ("Madrid praised the flight from Oslo to Spain.", False),
])
def test_an_unnamed_end_of_a_reversed_journey_is_a_swap_not_a_gap(statement, swap):
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules import run_rules
    from factcheck.judge.rules.coverage import named_by_a_role, source_names

    source = ["The flight from Oslo to Spain was cancelled."]
    findings = [f for s in source for f in run_rules(s, statement)]
    assert named_by_a_role(findings, parse(statement), source_names(source)) is swap
