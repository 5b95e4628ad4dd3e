"""Table-driven tests of an object that refers back ("criticized these actions") read with the sentence before it: the
statement's object may be what the description stands for when it shares a word with that sentence ("welcomed the
military operations" after "… has led to controversial military operations"), so opposite stances of one subject
contradict; another thing, another subject, or no sentence before does not. Sentences written for this project."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

BEFORE = "The mayor's push against street vendors has led to controversial police raids."
SOURCE = "The governor has openly criticized these actions, calling them cruel."

# (sentence before or None, statement, whether polarity contradicts)
CASES = [
    (BEFORE, "The governor welcomed the police raids on street vendors.", True),
    (BEFORE, "The governor praised the raids as a boost to public order.", True),
    (BEFORE, "The governor welcomed the new budget.", False),
    (BEFORE, "The police chief welcomed the police raids.", False),
    (BEFORE, "The governor criticized the police raids.", False),
    (None, "The governor welcomed the police raids on street vendors.", False),
]


@pytest.mark.parametrize(("before", "statement", "fires"), CASES)
def test_an_object_that_refers_back_is_read_with_the_sentence_before(before, statement, fires):
    found = [f for f in run_rules(SOURCE, statement, context=before)
             if f.rule == "polarity" and f.relation == "contradicts"]
    assert bool(found) is fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)
