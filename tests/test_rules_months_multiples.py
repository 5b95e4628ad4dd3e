"""Table-driven tests of a month given alone ("in early May" against "in early June") in the dates rule, and in the
quantities rule of multiples ("five times the size" against "three times"), "a thousand" as a figure, and a light
verb ("would have seen 1,600 km² given") that names no measure. Written for this project from the error kinds seen
on development statements (tests/fixtures/dev/news_fresh.csv); no development sentence is copied."""

from __future__ import annotations

import pytest
from conftest import assert_decides, rule_findings

# (source sentence, statement, the decisive relation of the rule; None = it must not contradict)
MONTHS = [
    # must fire: a one-off event in another month, the same month, a month of a year
    ("The company was founded in March by two engineers.", "The company was founded in April by two engineers.",
     "contradicts"),
    ("The company was founded in March by two engineers.", "In March, two engineers founded the company.",
     "supports"),
    ("The bridge was opened in June 2014.", "The bridge was opened in May 2014.", "contradicts"),
    ("The minister resigned in early May.", "The minister resigned in early May.", "supports"),
    # must not fire: a saying that may recur (blocked, below), the source less precise, a name, a span, a count
    ("The coach said in early May that the team was not ready.", "In early June, the coach said the team was not "
     "ready.", None),
    ("The minister said in March that prices would rise.", "The minister said in early March that prices would "
     "rise.", None),
    ("The minister said in March that prices would rise.", "On March 3, the minister said prices would rise.", None),
    ("Theresa May said the talks would resume.", "Theresa May said in June the talks would resume.", None),
    ("The strike has lasted since May.", "The strike has lasted since June.", None),
    ("In May 12 soldiers died.", "In June 12 soldiers died.", None),
    ("The minister resigned in early May.", "The minister resigned in late May.", None),
    ("The bridge was opened in June 2014.", "The bridge was opened in June 2015.", None),
]

QUANTITIES = [
    # must fire: multiples against multiples, "a thousand" as a figure, a light verb against a verb of giving
    ("The new state would be five times the size of the old one.",
     "The new state would be three times the size of the old one.", "contradicts"),
    ("The new state would be five times the size of the old one.",
     "The new state would be five times the size of the old one.", "supports"),
    ("The survey reached 1,231 adults in the region.", "The survey reached more than a thousand adults in the "
     "region.", "supports"),
    ("The survey reached 1,231 adults in the region.", "The survey reached fewer than a thousand adults in the "
     "region.", "contradicts"),
    ("The offer would have seen 1,600 square kilometres of desert given to the province.",
     "The offer would have given the province 1,600 square miles of desert.", "contradicts"),
    # must not fire: a count of times is no multiple, another thing multiplied, figures that fit
    ("The team has won the cup five times in the last decade.", "The team's stadium is three times the size of "
     "the old one.", None),
    ("Their house is five times the size of ours.", "Their garden is three times the size of ours.", None),
    ("The new state would be five times the size of the old one.", "The new state would be the size of five "
     "old ones.", None),
    ("About a hundred protesters gathered outside the court.", "Roughly 100 protesters gathered outside the court.",
     None),
    ("The survey reached 1,231 adults in the region.", "The survey reached well over a thousand adults in the "
     "region.", None),
    ("The offer would have seen 1,600 square kilometres of desert given to the province.",
     "The offer would have given the province 1,600 square kilometres of desert.", None),
    ("Sales saw a 7% rise last year.", "Sales rose 7% last year.", None),
    # an ordinal is no fraction ("a third victim"); a fraction of a group still is one
    ("Two students were hurt and a third victim was treated at the scene.", "Most of the victims were treated at "
     "the scene.", None),
    ("A third of the victims were treated at the scene.", "Most of the victims were treated at the scene.",
     "contradicts"),
]


@pytest.mark.parametrize(("source", "statement", "expected"), MONTHS)
def test_months(nlp, source, statement, expected):
    assert_decides(rule_findings("dates", source, statement, nlp=nlp), expected)


@pytest.mark.parametrize(("source", "statement", "expected"), QUANTITIES)
def test_multiples_and_scales(nlp, source, statement, expected):
    assert_decides(rule_findings("quantities", source, statement, nlp=nlp), expected)


def test_month_that_may_recur_blocks_support(nlp):
    found = rule_findings("dates", "The coach said in early May that the team was not ready.",
                          "In early June, the coach said the team was not ready.", nlp=nlp)
    assert [(f.relation, f.blocks) for f in found] == [("neutral", "support")], found
    assert "early May" in found[0].explanation and "early June" in found[0].explanation


def test_the_same_figure_in_another_unit_is_not_the_very_figure(nlp):
    """"about 50 minutes" against "about 50 hours" said of differently worded acts: never support."""
    found = rule_findings("quantities", "The crew searched the cabin and the plane departed about 50 minutes late.",
                          "The flight finally took off about 50 hours late.", nlp=nlp)
    assert found and all(f.relation == "contradicts" or f.blocks == "support" for f in found), found
    same = rule_findings("quantities", "The crew searched the cabin and the plane departed about 50 minutes late.",
                         "The flight finally took off about 50 minutes late.", nlp=nlp)
    assert not [f for f in same if f.relation == "contradicts" or f.blocks], same
