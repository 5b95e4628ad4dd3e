"""A light verb lends its clause to the stance its object names: "voiced support for the tax" supports the tax,
"expressed opposition to the plan" opposes it, so they contradict "criticized the tax" and "supported the plan".
Supporting or backing something is the opposite of criticising or condemning it. Invented sentences."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, whether the polarity rule contradicts)
CASES = [
    ("The mayor criticized the new parking fee.", "The mayor voiced support for the new parking fee.", True),
    ("The mayor criticized the new parking fee.", "The mayor expressed support for the parking fee.", True),
    ("The mayor supported the new parking fee.", "The mayor expressed opposition to the new parking fee.", True),
    ("The mayor condemned the raid.", "The mayor backed the raid.", True),
    ("The mayor condemned the raid.", "The mayor lent her backing to the raid.", True),
    # must not fire: the same stance, a negated light verb, another object, a noun no stance, no light verb
    ("The mayor supported the new parking fee.", "The mayor voiced support for the new parking fee.", False),
    ("The mayor criticized the new parking fee.", "The mayor did not voice support for the new parking fee.", False),
    ("The mayor criticized the new parking fee.", "The mayor gave support to the street vendors.", False),
    ("The mayor criticized the new parking fee.", "The mayor voiced concern about the new parking fee.", False),
    ("The mayor criticized the new parking fee.", "The mayor gave a speech about the new parking fee.", False),
    ("The mayor criticized the new parking fee.", "The mayor expressed criticism of the new parking fee.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_light_verbs(source, statement, contradicts):
    found = [f for f in run_rules(source, statement) if f.rule == "polarity" and f.relation == "contradicts"]
    assert bool(found) == contradicts


def test_table_is_balanced():
    fire = sum(c[2] for c in CASES)
    assert len(CASES) - fire >= fire


def test_the_explanation_quotes_the_light_verb_and_its_noun():
    found = [f for f in run_rules(CASES[0][0], CASES[0][1]) if f.rule == "polarity"]
    assert any("“voiced support”" in f.explanation for f in found)
