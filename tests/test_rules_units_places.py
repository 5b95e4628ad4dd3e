"""Table-driven tests of figures written the way news copy writes them: a unit glued to its number ("50ft",
"20kg") is that unit, and "below"/"under"/"over"/"above" before a count of things is a place ("a boat below two
bridges"), not a bound, unless the amount is what is limited ("a population under 500 people", "fell below 500").
Also: a one-off event dated otherwise cannot support the statement, whatever else the sentence shares. Written for
this project from the error kinds seen on development statements (tests/fixtures/dev/news_blind2.csv); no
development sentence is copied."""

from __future__ import annotations

import pytest
from conftest import assert_decides, rule_findings

UNITS = [
    # must contradict: the same figure in another unit, another figure in the same unit
    ("The sinkhole is thought to be 30ft wide.", "The sinkhole is thought to be 30 metres wide.", "contradicts"),
    ("The parcel weighed 20kg when it arrived.", "The parcel weighed 20 grams when it arrived.", "contradicts"),
    ("The sinkhole is thought to be 30ft wide.", "The sinkhole is thought to be 60 feet wide.", "contradicts"),
    # must support: the same measure however it is written
    ("The sinkhole is thought to be 30ft wide.", "The sinkhole is thought to be 30 feet wide.", "supports"),
    ("The sinkhole is thought to be 30 feet wide.", "The sinkhole is thought to be 30ft wide.", "supports"),
    ("The parcel weighed 20kg when it arrived.", "The parcel weighed 20 kilograms when it arrived.", "supports"),
    ("The sinkhole is thought to be 30ft wide.", "The sinkhole is thought to be roughly 9 metres wide.", "supports"),
]


@pytest.mark.parametrize(("source", "statement", "expected"), UNITS)
def test_glued_units(nlp, source, statement, expected):
    found = rule_findings("quantities", source, statement, nlp=nlp)
    assert_decides(found, expected)


PLACES = [
    # must contradict: counts of things a preposition of place comes before
    ("A photo showed a seal below two fishermen on the jetty.", "The photo showed a seal beneath three fishermen.",
     True),
    ("He filmed a drone hovering above four hikers on the ridge.", "He filmed a drone above six hikers.", True),
    # must not contradict: the same count; bounds kept as bounds
    ("A photo showed a seal below two fishermen on the jetty.", "The photo showed a seal beneath two fishermen.",
     False),
    ("He filmed a drone hovering above four hikers on the ridge.", "He filmed a drone above four hikers.", False),
    ("The village has a population under 500 people.", "The village has 400 people.", False),
    ("Membership fell below 500 members last year.", "Membership fell to 450 members last year.", False),
    ("The target is limiting warming to below 2 degrees.", "The target is limiting warming to below 2 degrees.",
     False),
    ("Children under five were vaccinated first.", "Children under five were vaccinated first.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), PLACES)
def test_places_are_not_bounds(nlp, source, statement, fires):
    found = rule_findings("quantities", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_tables_are_balanced():
    assert sum(not c[2] for c in PLACES) >= sum(c[2] for c in PLACES)
    assert sum(c[2] != "contradicts" for c in UNITS) >= sum(c[2] == "contradicts" for c in UNITS)


@pytest.mark.parametrize(("source", "statement", "blocks"), [
    ("The union was founded in May and then expanded in July.", "The union was founded in July.", True),
    ("The union was founded in May and then expanded in July.", "The union was founded in May.", False),
    ("The union was founded in 1990.", "The union was founded in 1990.", False),
])
def test_a_one_off_event_dated_otherwise_cannot_support(nlp, source, statement, blocks):
    found = rule_findings("dates", source, statement, nlp=nlp)
    assert any(f.relation == "contradicts" and f.blocks == "support" for f in found) == blocks, found


HANDLED = [
    # must not contradict: an amount taken away or cut is not the level of the thing
    ("Despite cuts, state aid to the region still exceeds $90 million a year.",
     "The closure removed about $60 million in funding from the region.", False),
    ("Despite cuts, state aid to the region still exceeds $90 million a year.",
     "The ministry cut $60 million from aid to the region.", False),
    ("The agency's budget stands at $12 million.", "The board withdrew $8 million from the agency.", False),
    # must contradict: two levels, two amounts cut
    ("Despite cuts, state aid to the region still exceeds $90 million a year.",
     "State aid to the region is about $60 million a year.", True),
    ("The ministry cut $60 million from aid to the region.", "The ministry cut $20 million from aid to the region.",
     True),
]


@pytest.mark.parametrize(("source", "statement", "fires"), HANDLED)
def test_an_amount_taken_away_is_not_a_level(nlp, source, statement, fires):
    found = rule_findings("quantities", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_handled_table_is_balanced():
    assert sum(not c[2] for c in HANDLED) >= sum(c[2] for c in HANDLED)


AGES = [
    # must contradict: an age given as an attribute holds whatever the clause around it says may happen
    ("Reports say 31-year-old Dana Reyes would not be running for mayor.", "Dana Reyes is 41 years old.", True),
    ("The 19-year-old striker might never play again, doctors said.", "The striker is 29 years old.", True),
    # must not contradict: the same age; an age the source itself only supposes
    ("Reports say 31-year-old Dana Reyes would not be running for mayor.", "Dana Reyes is 31 years old.", False),
    ("The 19-year-old striker might never play again, doctors said.", "The striker is 19 years old.", False),
    ("Police said the suspect may be about 40 years old.", "The suspect is 60 years old.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), AGES)
def test_an_age_that_describes_someone_is_asserted(nlp, source, statement, fires):
    found = rule_findings("quantities", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_age_table_is_balanced():
    assert sum(not c[2] for c in AGES) >= sum(c[2] for c in AGES)


THRESHOLDS = [
    # must contradict: another threshold for the same limit or target
    ("The treaty sets a goal of limiting emissions to below 40 tonnes a year.",
     "The treaty's goal is to limit emissions to below 60 tonnes a year.", True),
    ("The law caps rents at no more than 5% a year.", "The law caps rents at no more than 8% a year.", True),
    # must not contradict: the same threshold; a bound on a level, which a looser bound does not deny
    ("The treaty sets a goal of limiting emissions to below 40 tonnes a year.",
     "The treaty aims to limit emissions to below 40 tonnes a year.", False),
    ("Emissions stayed below 40 tonnes last year.", "Emissions were below 60 tonnes last year.", False),
    ("Fewer than 40 people attended the vigil.", "Fewer than 60 people attended the vigil.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), THRESHOLDS)
def test_a_threshold_is_its_figure(nlp, source, statement, fires):
    found = rule_findings("quantities", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_threshold_table_is_balanced():
    assert sum(not c[2] for c in THRESHOLDS) >= sum(c[2] for c in THRESHOLDS)
