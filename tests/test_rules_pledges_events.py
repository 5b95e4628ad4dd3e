"""Table-driven tests of two readings: a pledge, promise or vow is something said ("the mayor pledged to close the
depot" gives the words "we will close the depot" to the mayor), and a speech, interview, visit or wedding is an
event a day dates, even where the parser hangs "on June 26" on the verb before it. Written for this project from
the error kinds seen on development statements (tests/fixtures/dev/news_blind2.csv); no development sentence is
copied."""

from __future__ import annotations

import pytest
from conftest import rule_findings

QUOTE = "At a rally on March 3, Salas said: “We are going to close the northern depot and sell the land.”"
PLEDGES = [
    # must fire: the words given to another speaker
    (QUOTE, "Ortiz pledged to close the northern depot.", True),
    (QUOTE, "It was Mayor Ortiz who vowed to close the northern depot and sell the land.", True),
    # must not fire: the same speaker; another pledge; a pledge the source does not quote
    (QUOTE, "Salas pledged to close the northern depot.", False),
    (QUOTE, "Salas promised to close the northern depot and sell the land.", False),
    (QUOTE, "Ortiz pledged to rebuild the harbour wall.", False),
    ("The depot closed in March.", "Ortiz pledged to close the northern depot.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), PLEDGES)
def test_a_pledge_is_said(nlp, source, statement, fires):
    found = rule_findings("attribution", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


EVENTS = [
    # must fire: one speech (his, the) on another day
    ("During his budget speech on May 4, Salas said taxes would fall.",
     "Salas promised lower taxes in his budget speech on June 4.", "contradicts"),
    ("Salas spoke about taxes in his budget speech on May 4.", "In his budget speech on June 4, Salas spoke about taxes.",
     "contradicts"),
    # must not fire: the same day; a speech, maybe another one (no support either)
    ("During his budget speech on May 4, Salas said taxes would fall.",
     "Salas promised lower taxes in his budget speech on May 4.", "supports"),
    ("During a budget speech on May 4, Salas said taxes would fall.",
     "Salas promised lower taxes in a budget speech on June 4.", "neutral"),
    ("In his interview with the Herald on Tuesday, Salas denied the charges.",
     "Salas denied the charges in his interview with the Herald on Tuesday.", "supports"),
]


@pytest.mark.parametrize(("source", "statement", "relation"), EVENTS)
def test_an_event_noun_takes_its_day(nlp, source, statement, relation):
    found = rule_findings("dates", source, statement, nlp=nlp)
    assert [f.relation for f in found] == [relation], found


def test_tables_are_balanced():
    assert sum(not c[2] for c in PLEDGES) >= sum(c[2] for c in PLEDGES)
    assert sum(c[2] != "contradicts" for c in EVENTS) >= sum(c[2] == "contradicts" for c in EVENTS)
