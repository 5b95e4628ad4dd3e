"""Table-driven tests of proportions written with two numbers (the quantities rule): "three out of five workers"
and "one in ten adults" are shares, so neither number is a count of workers or adults that a source's head count
could contradict; "two out of the five victims" counts a known group, and its counts stand. Sentences written for
this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

from factcheck.ingest.nlp import parse
from factcheck.judge.rules.quantities import extract

SURVEY = "Of the 300 workers surveyed, 62% said they were underpaid."

# (source sentence, statement, whether the quantities rule contradicts)
CASES = [
    # must fire: the share differs, or a count of a known group does
    (SURVEY, "Nine out of ten workers said they were underpaid.", True),
    ("Two in ten adults smoke.", "Six in ten adults smoke.", True),
    ("Four of the nine victims were children.", "Two out of the five victims were children.", True),
    ("About 80% of voters backed the plan.", "One out of every five voters backed the plan.", True),
    ("About 80% of the aid went to the army.", "Only one in every 80 pieces of the aid went to the army.", True),
    # must not fire: a proportion against a head count, or an agreeing share
    (SURVEY, "Three out of five workers said they were underpaid.", False),
    (SURVEY, "Three in five workers said they were underpaid.", False),
    ("The majority of the 130 patients (81%, 104 patients) had no symptoms.",
     "As many as four out of five patients had no symptoms.", False),
    ("Some 1,200 adults took part, and 10% of them smoke.", "One in ten adults smokes.", False),
    ("Sales rose by 3% in the first quarter.", "Sales rose 3 in 2020 and fell later.", False),
    # … "out of every" is a proportion, and "pieces of" counts what they are pieces of
    ("About 80% of voters backed the plan.", "Four out of every five voters backed the plan.", False),
    ("Roughly 80% of US intelligence on the routes comes from Colombia.",
     "Four out of every five pieces of US intelligence on the routes come from Colombia.", False),
    ("Police seized five pieces of luggage.", "Police seized five suitcases.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_proportions(source, statement, contradicts):
    found = rule_findings("quantities", source, statement, "contradicts")
    assert bool(found) is contradicts, found


# (sentence, the quantities read as (kind, text))
READINGS = [
    ("Three out of five workers said they were underpaid.", {("percent", "Three out of five")}),
    ("One in ten adults smokes.", {("percent", "One in ten")}),
    ("Four out of every five adults smoke.", {("percent", "Four out of every five")}),
    ("Police seized five pieces of luggage.", {("count:luggage", "five")}),
    ("Two out of the five victims were children.",
     {("count:victim", "five"), ("count:victim", "Two"), ("percent", "Two out of the five")}),
    ("12 of the 40 protesters were arrested.",
     {("count:protester", "40"), ("count:protester", "12"), ("percent", "12 of the 40")}),
]


@pytest.mark.parametrize(("sentence", "read"), READINGS)
def test_what_a_proportion_is_read_as(sentence, read):
    assert {(q.kind, q.text) for q in extract(parse(sentence))} == read


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)
