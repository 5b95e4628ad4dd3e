"""Durations without a figure ("after years of conflict", "a few months of talks", "lasted several weeks") are
compared as intervals in their own unit: a contradiction only where the two cannot overlap, never for a time
before or after another ("years ago", "months later") or a period named ("in recent years"). Invented sentences."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, the quantities rule's relation on the durations, or None for no finding)
CASES = [
    ("The militia disarmed after years of fighting.", "The militia disarmed after only a few months of fighting.",
     "contradicts"),
    ("The militia disarmed after a few months of fighting.", "The militia disarmed after three years of fighting.",
     "contradicts"),
    ("The strike lasted several weeks.", "The strike lasted two days.", "contradicts"),
    ("The strike lasted a few days.", "The strike lasted a few days.", "supports"),
    # must not fire (no contradiction): open-ended or overlapping, other events, not durations
    ("The militia disarmed after years of fighting.", "The militia disarmed after decades of fighting.", "neutral"),
    ("After months of talks, the deal was signed.", "The deal was signed after two years of talks.", "neutral"),
    ("The strike lasted several weeks.", "The strike lasted months.", "neutral"),
    ("In recent years, exports have grown.", "Exports grew for a few months.", None),
    ("The bakery opened years ago.", "The bakery opened a few months ago.", None),
    ("The inquiry ended months later.", "The inquiry ended a few days later.", None),
    ("The ceasefire lasted years, and the talks took a few months.", "The talks took a few months.", "supports"),
    ("The bridge has stood for decades.", "The bridge has stood for many years.", "supports"),  # implied
]


@pytest.mark.parametrize(("source", "statement", "relation"), CASES)
def test_vague_durations(source, statement, relation):
    found = {f.relation for f in run_rules(source, statement) if f.rule == "quantities"}
    assert found == ({relation} if relation else set())


def test_table_is_balanced():
    fire = sum(c[2] == "contradicts" for c in CASES)
    assert len(CASES) - fire >= fire
