"""Counts without a figure ("only a handful of projects", "dozens of people", "thousands of protesters") are compared
as intervals of the noun they count, with figures and with each other: a contradiction only where the two cannot
overlap, and never a demand that the source confirm them. A handful "of the members" stays a share. Invented."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, the quantities rule's relations, or an empty set for no finding)
CASES = [
    ("Numerous schools have been closed.", "Only a handful of schools were closed.", {"contradicts"}),
    ("Police said 40 protesters were arrested.", "Hundreds of protesters were arrested.", {"contradicts"}),
    ("Police said 12 protesters were arrested.", "Only a handful of protesters were arrested.", {"contradicts"}),
    ("Thousands of people marched in the capital.", "Hundreds of people marched in the capital.", {"contradicts"}),
    ("Dozens of people were injured.", "Hundreds of people were injured.", {"contradicts"}),
    ("The company cut 300 jobs.", "The company cut a few jobs.", {"contradicts"}),
    # must not fire (no contradiction): within the range, open-ended, other things counted, a share, no figure
    ("Police said 3 protesters were arrested.", "A handful of protesters were arrested.", {"supports"}),
    ("Police said 3 protesters were arrested.", "A few protesters were arrested.", {"supports"}),
    ("Police said 1,500 protesters were arrested.", "Hundreds of protesters were arrested.", {"supports"}),
    ("Dozens of people were injured.", "Dozens of people were injured.", {"supports"}),
    ("Numerous schools have been closed.", "Dozens of schools were closed.", {"neutral"}),
    ("Police said 40 protesters were arrested.", "Hundreds of people attended the rally.", set()),
    ("Numerous schools have been closed.", "Only a handful of hospitals were closed.", set()),
    ("The union said a handful of the 300 members voted against.", "A handful of the members voted against.",
     {"supports"}),
    ("The strike closed the port.", "Dozens of ships were stranded.", set()),
    # a wider verb: what was closed was affected, so the source's count is the least the statement's can be
    ("Numerous schools have been closed.", "Only a handful of schools were affected.", {"contradicts"}),
    ("Police said 40 protesters were arrested.", "Only a handful of protesters were affected by the ban.",
     {"contradicts"}),
    ("Numerous schools have been closed.", "Numerous schools were affected.", {"supports"}),
    ("A handful of schools were closed.", "Dozens of schools were affected.", {"neutral"}),
    ("Numerous schools have been closed.", "Only a handful of schools were reopened.", set()),
    # words between the amount and what it counts: a name glued on by a hyphen, an adverb before an adjective
    ("Numerous schools have been closed.", "Just a handful of state-run schools were affected.", {"contradicts"}),
    ("Numerous schools have been closed.", "Just a handful of UNICEF-backed schools were closed.", {"contradicts"}),
    ("Police said 3 protesters were arrested.", "A handful of UNICEF-backed protesters were arrested.", {"supports"}),
    ("Police said 3 protesters were arrested.", "A few very young protesters were arrested.", {"supports"}),
]


@pytest.mark.parametrize(("source", "statement", "relations"), CASES)
def test_vague_counts(source, statement, relations):
    assert {f.relation for f in run_rules(source, statement) if f.rule == "quantities"} == relations


def test_table_is_balanced():
    fire = sum(c[2] == {"contradicts"} for c in CASES)
    assert len(CASES) - fire >= fire


def test_a_vague_count_needs_no_confirmation():
    # "dozens of" with no figure in the sentence: nothing to confirm, so the rule does not block support
    found = [f for f in run_rules("The storm stranded ships in the port.", "Dozens of ships were stranded.")
             if f.rule == "quantities"]
    assert not any(f.blocks == "support" for f in found)
