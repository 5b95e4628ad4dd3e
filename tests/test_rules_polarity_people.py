"""Opposite or negated predicates said of two differently named people do not contradict: what one person praises
another may criticise ("Senator Carlos Soto praised the tax" against "Senator Ana Ruiz criticized the tax" is about
someone the sentence does not speak for). The same person, named in full or by surname, still contradicts; subjects
that are no person's name are left as before. Invented sentences."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, whether the polarity rule contradicts)
CASES = [
    ("Senator Ana Ruiz criticized the new tax.", "Ruiz praised the new tax.", True),
    ("Senator Ana Ruiz criticized the new tax.", "Senator Ana Ruiz praised the new tax.", True),
    ("Ana Ruiz did not sign the bill.", "Ana Ruiz signed the bill.", True),
    ("The mayor criticized the new parking fee.", "The mayor praised the new parking fee.", True),
    # must not fire: another named person's stance or act
    ("Senator Ana Ruiz criticized the new tax.", "Senator Carlos Soto praised the new tax.", False),
    ("Ana Ruiz did not sign the bill.", "Carlos Soto signed the bill.", False),
    ("Ana Ruiz opposed the merger.", "Tom Baker supported the merger.", False),
    ("Ana Ruiz rejected the offer.", "Carlos Soto accepted the offer.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_two_people_are_two_stances(source, statement, contradicts):
    found = [f for f in run_rules(source, statement) if f.rule == "polarity" and f.relation == "contradicts"]
    assert bool(found) == contradicts


def test_table_is_balanced():
    fire = sum(c[2] for c in CASES)
    assert len(CASES) - fire >= fire
