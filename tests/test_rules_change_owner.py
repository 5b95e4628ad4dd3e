"""A change the source gives for "its" thing ("its printer/personal systems group": the pronoun stands for a name the
sentence before gave) is the change of the statement's named thing ("HP's printer and personal systems group");
another name the source gives, another place, or another thing stays apart. Invented sentences only."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, whether the quantities rule contradicts)
CASES = [
    ("Its tablet/phone division sold more, but sales are down about six percent from the previous year.",
     "Sales at Acme's tablet and phone division rose about six percent from the previous year.", True),
    ("Its sales fell 9% last year.", "Orbix's sales rose 9% last year.", True),
    # must not fire: the source names another company, another place, another product
    ("Sales at Orbix fell 9% last year.", "Sales at Acme rose 9% last year.", False),
    ("Its sales in Ohio fell 9% last year.", "Acme's sales in Texas rose 9% last year.", False),
    ("The tablet division's sales fell 9%.", "Acme's phone sales rose 9%.", False),
    ("Its sales fell 9% last year.", "Orbix's sales fell 9% last year.", False),  # agrees
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_change_owner(source, statement, contradicts):
    found = [f for f in run_rules(source, statement) if f.rule == "quantities" and f.relation == "contradicts"]
    assert bool(found) == contradicts


def test_table_is_balanced():
    fire = sum(c[2] for c in CASES)
    assert len(CASES) - fire >= fire
