"""A dated verb the parser hangs on the noun before it ("The Farc group disarmed in 2012", read as "the group [that]
disarmed") is about that noun: the dates rule compares it with the same event in the source. Invented sentences."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

SOURCE = "The deal weakened the Tigres rebel group, which disarmed in 2016 after years of conflict."

# (source sentence, statement, the dates rule's relations)
CASES = [
    (SOURCE, "The Tigres rebel group disarmed in 2012.", {"contradicts"}),
    (SOURCE, "The Tigres group demobilized in 2019.", {"contradicts"}),
    # must not fire (no contradiction): the same year, another event of the group, a verb about something else,
    # another sentence's event (another group's name is the coverage rule's: "the Leones group"); a year the source
    # sentence does not give is only unconfirmed (neutral: that sentence cannot support it)
    (SOURCE, "The Tigres group disarmed in 2016.", {"supports"}),
    (SOURCE, "The Tigres rebel group founded in 2012 grew quickly.", {"neutral"}),
    (SOURCE, "Police found the weapons hidden in 2012.", {"neutral"}),
    ("The rebels signed the accord in 2016.", "The Tigres rebel group disarmed in 2012.", {"neutral"}),
]


@pytest.mark.parametrize(("source", "statement", "relations"), CASES)
def test_a_participle_after_a_noun_is_about_that_noun(source, statement, relations):
    assert {f.relation for f in run_rules(source, statement) if f.rule == "dates"} == relations


def test_table_is_balanced():
    fire = sum(c[2] == {"contradicts"} for c in CASES)
    assert len(CASES) - fire >= fire
