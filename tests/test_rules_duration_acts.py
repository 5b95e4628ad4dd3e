"""Table-driven tests of durations of one act told in two words ("demobilized" / "laid down arms" after years of
conflict): compared like durations of one word, when both texts name something of it. Sentences written for this
project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# (source sentence, statement, whether the quantities rule contradicts)
CASES = [
    ("The rebel group demobilized in 2016 after years of conflict.",
     "The rebel group laid down its arms in 2016 after only a few weeks of conflict.", True),
    ("The militia disarmed after decades of fighting, the report says.",
     "The report says the militia demobilized after a few months of fighting.", True),
    ("The militia disarmed after a few months of talks.", "The militia demobilized after decades of talks.", True),
    # the same words, nothing else in common: not one act
    ("The company laid off staff after years of losses.", "The rebels demobilized after a few weeks of talks.", False),
    ("The militia disarmed after decades of fighting.", "The army demobilized its reservists after a few months.",
     False),
    # one act, durations that agree
    ("The rebel group demobilized in 2016 after years of conflict.",
     "The rebel group laid down its arms in 2016 after many years of conflict.", False),
    ("The militia disarmed after decades of fighting.", "The militia demobilized after decades of fighting.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_durations_of_one_act_in_two_words(source, statement, fires):
    assert bool(rule_findings("quantities", source, statement, "contradicts")) is fires


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)
