"""Table-driven tests of a politician's side said as a place (the antonyms rule): "governs from the political right"
or "leads Colombia from the right" says the subject is right-wing, against "left-wing President Gustavo Petro"; a
side of something else ("on the right of the square", "turned right") or of another person says nothing of it.
Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

LEFT = "Left-wing President Ana Duarte met the union leaders on Monday."

# (source sentence, statement, whether the antonyms rule contradicts)
CASES = [
    # must fire: the other side, said of the same person
    (LEFT, "Ana Duarte governs the country from the political right.", True),
    (LEFT, "Duarte leads the country from the right and shares her rival's style.", True),
    ("Conservative senator Mark Ruiz opposed the bill.", "Mark Ruiz campaigned from the political left.", True),
    # must not fire: the same side, another person, or a side that is no politics
    (LEFT, "Ana Duarte governs the country from the political left.", False),
    (LEFT, "Her rival Tom Beck governs his region from the political right.", False),
    (LEFT, "Duarte's motorcade turned right after the meeting.", False),
    ("Left-wing President Ana Duarte opened the museum.", "The museum's main entrance is on the right.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_political_side(source, statement, contradicts):
    found = rule_findings("antonyms", source, statement, "contradicts")
    assert bool(found) is contradicts, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)
