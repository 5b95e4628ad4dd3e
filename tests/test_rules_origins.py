"""Table-driven tests of where a thing comes from (the roles rule): another country for all or most of the same thing
contradicts ("Venezuela supplies 80% of the intelligence" where it originates from Colombia); a small part, another
thing, a hedged origin or a country the source also names does not. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# (source sentence, statement, whether the roles rule contradicts)
CASES = [
    ("About 80% of the coffee sold in Norway comes from Brazil.", "Most of the coffee sold in Norway comes from Peru.",
     True),
    ("About 80% of the coffee sold in Norway comes from Brazil.", "Peru supplies most of the coffee sold in Norway.",
     True),
    ("The rifles seized at the port came from Serbia, police said.", "The rifles seized at the port came from "
     "Bulgaria.", True),
    ("Nearly all of the gas the plant burns comes from Norway.",
     "The bulk of the gas burned in the plant comes from Qatar.", True),
    # a small part, which leaves the rest to others
    ("About 80% of the coffee sold in Norway comes from Brazil.",
     "About 15% of the coffee sold in Norway comes from Peru.", False),
    ("About 80% of the coffee sold in Norway comes from Brazil.",
     "Some of the coffee sold in Norway comes from Peru.", False),
    # the source names the statement's country too, or another thing, or does not assert the origin
    ("Most of the coffee sold in Norway comes from Brazil and Peru.",
     "Most of the coffee sold in Norway comes from Peru.", False),
    ("Most of the coffee sold in Norway comes from Brazil.", "Most of the tea sold in Norway comes from India.", False),
    ("The rifles may have come from Serbia, police said.", "The rifles came from Bulgaria.", False),
    ("The rifles did not come from Serbia.", "The rifles came from Bulgaria.", False),
    ("About 80% of the coffee sold in Norway comes from Brazil.", "Brazil supplies most of the coffee sold in Norway.",
     False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_another_country_of_origin(source, statement, fires):
    found = [f for f in rule_findings("roles", source, statement, "contradicts") if "comes from" in f.explanation]
    assert bool(found) is fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


@pytest.mark.parametrize(("statement", "swap"), [
    # the country named for where most of the coffee comes from is a swap the source rules out, not a gap
    ("Most of the coffee sold in Norway comes from Peru.", True),
    ("Peru supplies most of the coffee sold in Norway.", True),
    # must not excuse: a small part, or a country in another role
    ("Some of the coffee sold in Norway comes from Peru.", False),
    ("Peru praised the coffee sold in Norway.", False),
])
def test_an_unmentioned_country_of_origin_is_a_swap_not_a_gap(statement, swap):
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules import run_rules
    from factcheck.judge.rules.coverage import named_by_a_role, source_names

    source = ["About 80% of the coffee sold in Norway comes from Brazil."]
    findings = [f for s in source for f in run_rules(s, statement)]
    assert named_by_a_role(findings, parse(statement), source_names(source)) is swap
