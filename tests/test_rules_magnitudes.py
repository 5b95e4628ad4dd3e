"""Table-driven tests of figures misread by a power of a thousand and of "just over" (issue #10, kind 5): the same
digits a thousand (million, …) times smaller or larger are another figure even under a bound ("more than $400,000"
against "exceeding $400 million"); "just over X" is an estimate a little above X, not an open bound; a change of
direction said with a figure in a clause of its own is still a change without a figure. Sentences written for this
project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

from factcheck.judge.rules import run_rules

AID = "Despite reduced funding in recent years, US aid to Colombia remains significant, exceeding $400 million in 2024."
REVENUE = "The company reported revenue of $1.7 billion last year."
STAFF = "The firm employs more than 2,000 people."
ORDER = {"neutral": 0, "supports": 1, "contradicts": 2}

# (source, statement, relation of the decisive quantities finding)
FIGURES = [
    # must fire: the same digits at another power of a thousand, bound or not; "just over" far below a bound
    (AID, "US aid to Colombia was more than $400,000 in 2024.", "contradicts"),
    (AID, "Washington's aid to Colombia in 2024 was modest, just over $400,000.", "contradicts"),
    (REVENUE, "The company reported revenue of more than $1,700,000 last year.", "contradicts"),
    (STAFF, "The firm employs more than 2 million people.", "contradicts"),
    ("The firm employs 2,500 people.", "The firm employs just over 2,000 people.", "contradicts"),
    # must not fire: the same value in other words, a bound the source's figure meets, "just over" at the
    # source's precision
    (REVENUE, "The company reported revenue of $1,700 million last year.", "supports"),
    (AID, "US aid to Colombia was just over $400 million in 2024.", "supports"),
    (AID, "US aid to Colombia was more than $200 million in 2024.", "supports"),
    (STAFF, "The firm employs slightly more than 2,000 people.", "supports"),
    ("The firm employs just over 2,000 people.", "The firm employs more than 2,000 people.", "supports"),
    ("The firm employs 2,050 people.", "The firm employs just over 2,000 people.", "supports"),
    (STAFF, "The firm employs more than 20 people.", "supports"),
]


@pytest.mark.parametrize(("source", "statement", "relation"), FIGURES)
def test_magnitudes(source, statement, relation):
    found = [f for f in run_rules(source, statement) if f.rule == "quantities"]
    decisive = max(found, key=lambda f: ORDER[f.relation], default=None)
    assert decisive is not None and decisive.relation == relation, found


def test_misread_figure_says_how_far():
    (finding,) = [f for f in run_rules(AID, "US aid to Colombia was more than $400,000 in 2024.")
                  if f.rule == "quantities"]
    assert "a thousand times smaller" in finding.explanation


# (source, statement, whether polarity says the two go opposite ways)
CHANGES = [
    (AID, "US funding to Colombia has grown in recent years, reaching more than $400 million in 2024.", True),
    (AID, "US funding to Colombia has grown in recent years, and 300 programmes were added.", True),
    ("Funding for the schools has fallen, officials said on Monday.",
     "Funding for the schools has risen, and 40 teachers were hired.", True),
    # must not fire: the change itself is given with a figure (the quantities rule compares those), the same
    # direction, or another thing
    (AID, "US funding to Colombia has grown by $50 million in recent years.", False),
    (AID, "US funding to Colombia has shrunk in recent years, reaching $400 million in 2024.", False),
    (AID, "Colombia's own defence spending has grown in recent years, reaching $9 billion in 2024.", False),
    ("Funding for the schools rose by $5 million.", "Funding for the schools rose, reaching $20 million.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CHANGES)
def test_change_with_a_figure_elsewhere(source, statement, fires):
    found = rule_findings("polarity", source, statement, "contradicts")
    assert bool(found) is fires, found


def test_tables_are_balanced():
    assert sum(r == "supports" for *_, r in FIGURES) >= sum(r == "contradicts" for *_, r in FIGURES)
    assert sum(not c[2] for c in CHANGES) >= sum(c[2] for c in CHANGES)
