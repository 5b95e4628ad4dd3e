"""Table-driven tests of the polarity rule on changes said without figures: the same thing going up in one text and
down in the other ("reduced funding" against "funding has grown"), read from a participle ("reduced funding"), a
causative object ("cut funding") or an intransitive subject ("funding fell"); and on a statement that denies someone
the role the source gives them ("filled out by staff rather than by volunteers"). Written for this project from the
error kinds "contrary wording" and "role substitution" (issue 10); no development sentence is copied."""

from __future__ import annotations

import pytest
from conftest import assert_decides, rule_findings

# (source sentence, statement, the decisive relation of the polarity rule; None = it must not contradict)
CASES = [
    # must fire: one thing, opposite directions, from a participle, an object or a subject
    ("Despite reduced funding in recent years, the museum stayed open.", "Funding for the museum has grown in "
     "recent years.", "contradicts"),
    ("The government cut funding for schools last year.", "Funding for schools increased last year.", "contradicts"),
    ("Ticket prices climbed steadily through the season.", "Ticket prices dropped through the season.",
     "contradicts"),
    ("Membership of the club shrank after the scandal.", "Membership of the club surged after the scandal.",
     "contradicts"),
    ("The council slashed the budget for roads.", "The budget for roads was boosted by the council.", "contradicts"),
    # must not fire: other things, other places, the same direction, a figure, a causer without its object
    ("Despite reduced funding in recent years, the museum stayed open.", "Visitor numbers have risen in recent "
     "years.", None),
    ("The government cut funding for schools last year.", "Funding for hospitals increased last year.", None),
    ("Costs fell in Ohio.", "Costs rose in Texas.", None),
    ("The government cut funding for schools last year.", "Funding for schools was reduced last year.", None),
    ("Exports grew while imports fell.", "Imports fell.", None),
    ("The company cut 500 jobs.", "The company's revenue grew.", None),
    ("The firm cut prices by 5% in May.", "The firm cut prices by 8% in May.", None),
    ("Funding did not fall last year.", "Funding rose last year.", None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), CASES)
def test_changes_without_figures(nlp, source, statement, expected):
    assert_decides(rule_findings("polarity", source, statement, nlp=nlp), expected)


def test_change_explanation_names_the_thing(nlp):
    found = rule_findings("polarity", "The government cut funding for schools last year.",
                          "Funding for schools increased last year.", nlp=nlp)
    assert [f.explanation for f in found] == [
        "the source says funding went down (“cut”); the statement says it went up (“increased”)"]


# (source sentence, statement, decisive relation of the polarity rule; None = it must not contradict)
ALTERNATIVES = [
    # must fire: the statement denies someone the role the source gives them in the same act
    ("Volunteers filled out the survey forms.", "The survey forms were filled out by staff rather than by "
     "volunteers.", "contradicts"),
    ("The firm hired 500 salespeople last year.", "The firm hired engineers rather than salespeople last year.",
     "contradicts"),
    ("The mayor signed the bill on Monday.", "The bill was signed by the governor instead of the mayor.",
     "contradicts"),
    ("Patients filled out the forms.", "Doctors, not patients, filled out the forms.", "contradicts"),
    # must not fire: the source gives the role to the one the statement names, another act, a hedge, another role
    ("The governor signed the bill on Monday.", "The bill was signed by the governor instead of the mayor.", None),
    ("The firm hired 500 engineers last year.", "The firm hired engineers rather than salespeople last year.", None),
    ("Volunteers filled out the survey forms.", "Volunteers rather than staff filled out the survey forms.", None),
    ("The mayor criticised the bill on Monday.", "The bill was signed by the governor instead of the mayor.", None),
    ("The mayor may sign the bill.", "The bill was signed by the governor instead of the mayor.", None),
    ("Staff delivered the forms to volunteers.", "The forms were delivered by staff rather than by volunteers.",
     None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), ALTERNATIVES)
def test_denied_alternative(nlp, source, statement, expected):
    assert_decides(rule_findings("polarity", source, statement, nlp=nlp), expected)


@pytest.mark.parametrize(("source", "statement", "confidence"), [
    # the same stretch of time in both (a recent period, or a year): as sure as two figures going opposite ways
    ("Despite reduced funding in recent years, the museum stayed open.", "Funding for the museum has grown in "
     "recent years.", 0.9),
    ("The government cut funding for schools in 2019.", "Funding for schools increased in 2019.", 0.9),
    # no period in common said: the change may be another one
    ("The government cut funding for schools.", "Funding for schools increased last year.", 0.75),
    ("Ticket prices climbed steadily through the season.", "Ticket prices dropped through the season.", 0.75),
])
def test_a_change_over_the_same_period_is_surer(nlp, source, statement, confidence):
    found = [f for f in rule_findings("polarity", source, statement, nlp=nlp) if f.relation == "contradicts"]
    assert [f.confidence for f in found] == [confidence], found
