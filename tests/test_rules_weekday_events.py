"""Table-driven tests of weekdays that date an event noun ("Tuesday's election", "a Saturday trip"): the dates rule
compares them like "the election on Tuesday". Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# (source sentence, statement, the dates rule's relation; None = no dates finding that contradicts)
CASES = [
    # must fire
    ("Turnout in Tuesday's election was low.", "Turnout in Wednesday's election was low.", "contradicts"),
    ("Friday's blast damaged the old bridge.", "Thursday's blast damaged the old bridge.", "contradicts"),
    ("Turnout in Tuesday's election was low.", "Turnout in Tuesday's election was low.", "supports"),
    ("The hikers went missing after a Saturday trip to the lake.",
     "The hikers went missing after a Sunday trip to the lake.", "neutral"),  # a trip may recur: no confirmation
    # must not fire
    ("Tuesday's election was postponed.", "Wednesday's parade was cancelled.", None),
    ("Tuesday's session ended early.", "Wednesday's session ran late into the night.", None),
    ("The board will meet again on a Friday.", "The board met on Monday.", None),
    ("Monday's storm flooded the valley.", "Rescuers worked through Tuesday to reach the valley.", None),
    ("Sales rose on Tuesday.", "The Tuesday market was busy.", None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), CASES)
def test_weekdays_of_event_nouns(source, statement, expected):
    found = rule_findings("dates", source, statement)
    if expected is None:
        assert not [f for f in found if f.relation == "contradicts"], found
    else:
        assert [f.relation for f in found] == [expected], found


def test_table_is_balanced():
    assert sum(c[2] is None for c in CASES) >= sum(c[2] == "contradicts" for c in CASES)
