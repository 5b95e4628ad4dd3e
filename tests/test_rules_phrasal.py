"""Table-driven tests of phrasal verbs read with their particle: "stood down its fighters", "stepped down", "was set
up" date one-off acts like "demobilized", "resigned", "was founded"; "gave up" a goal is the opposite of striving for
it. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# (source sentence, statement, the dates rule's relation or None)
DATES = [
    ("The militia demobilized in 2016 after years of fighting.", "The militia stood down its fighters in 2012.",
     "contradicts"),
    ("The minister resigned in 2019.", "The minister stepped down in 2021.", "contradicts"),
    ("The agency was founded in 1999.", "The agency was set up in 2003.", "contradicts"),
    ("The minister resigned in 2019.", "The minister stepped down in 2019.", "supports"),
    # another verb than the phrase, or the phrase of another act
    ("The minister resigned in 2019.", "The minister stood up in 2021.", None),
    ("The minister resigned in 2019.", "The minister stepped up his campaign in 2021.", None),
    ("The agency was founded in 1999.", "The agency set up a new office in 2003.", None),
    ("The militia demobilized in 2016.", "The militia's leader stood down in 2012.", None),
]


@pytest.mark.parametrize(("source", "statement", "relation"), DATES)
def test_phrasal_verbs_date_one_off_acts(source, statement, relation):
    found = [f for f in rule_findings("dates", source, statement) if f.relation != "neutral"]
    assert [f.relation for f in found][:1] == ([relation] if relation else []), found


# (source sentence, statement, whether the polarity rule contradicts)
GOALS = [
    ("The mayor is striving to cut traffic in the old town.", "The mayor has given up on cutting traffic in the old "
     "town.", True),
    ("The mayor is pursuing a ban on cars in the old town.", "The mayor abandoned the ban on cars in the old town.",
     True),
    ("The mayor is striving to cut traffic in the old town.", "The mayor is seeking to cut traffic in the old town.",
     False),
    ("The mayor is pursuing a ban on cars in the old town.", "The council gave up its plan for a new bridge.", False),
    ("The mayor is pursuing a ban on cars in the old town.", "The mayor has not given up on the ban on cars in the "
     "old town.", False),
    ("The mayor is striving to cut traffic in the old town.", "The mayor gave up his seat on the bus.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), GOALS)
def test_giving_up_a_goal_is_the_opposite_of_pursuing_it(source, statement, fires):
    assert bool(rule_findings("polarity", source, statement, "contradicts")) is fires


def test_tables_are_balanced():
    assert sum(c[2] is None for c in DATES) >= sum(c[2] is not None for c in DATES) - 1  # one must-fire agrees
    assert sum(not c[2] for c in GOALS) >= sum(c[2] for c in GOALS)
