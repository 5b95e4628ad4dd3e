"""Table-driven tests of how often a single act happens (the quantities rule): "daily", "weekly", "once a month",
"twice a week", "every two weeks", "three times a year" are times per day; another frequency of the same act
contradicts ("receiving daily reports" against "reports only once a month"). Words that name no frequency ("daily
life", "the Daily Mail") and rates of a figure ("$2 million annually", `_per_period`'s) are not read. Sentences written
for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

from factcheck.ingest.nlp import parse
from factcheck.judge.rules.quantities import extract

REPORTS = "The government is receiving daily reports from residents on the coalition flights."

# (source sentence, statement, whether the quantities rule contradicts)
CASES = [
    # must fire: another frequency of the same act
    (REPORTS, "The government receives reports from residents on the coalition flights only once a month.", True),
    ("The committee meets weekly.", "The committee meets three times a year.", True),
    ("The magazine is published monthly.", "The magazine is published annually.", True),
    ("The bus runs every two hours.", "The bus runs four times an hour.", True),
    # must not fire: the same frequency said otherwise, one close to it, or no frequency at all
    ("The committee meets weekly.", "The committee meets every week.", False),
    ("The summit is held annually.", "The summit is held every year.", False),
    ("The committee meets every two weeks.", "The committee meets twice a month.", False),
    ("Daily life in the city has changed since the floods.", "Life in the city has changed once a year since the floods.",
     False),
    ("The Daily Mail reported the attack on the base.", "The Mail reported the attack on the base twice a day.", False),
    ("The agency spends $2 million annually on the programme.", "The agency spends $2 million on the programme.", False),
    ("The summit is held annually.", "The committee meets daily.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_frequencies(source, statement, contradicts):
    found = rule_findings("quantities", source, statement, "contradicts")
    assert bool(found) is contradicts, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


# (sentence, times per day read, or None for no frequency)
READINGS = [
    ("The committee meets daily.", 1.0),
    ("The committee meets twice a week.", 2 / 7),
    ("The committee meets every two weeks.", 1 / 14),
    ("The committee meets once a month.", 1 / 30.4375),
    ("He has lived there every day of his life.", None),
    ("Daily life has changed.", None),
]


@pytest.mark.parametrize(("sentence", "per_day"), READINGS)
def test_what_a_frequency_is_read_as(sentence, per_day):
    found = [q for q in extract(parse(sentence)) if q.kind == "frequency"]
    if per_day is None:
        assert not found
    else:
        assert len(found) == 1 and (found[0].lo + found[0].hi) / 2 == pytest.approx(per_day)
