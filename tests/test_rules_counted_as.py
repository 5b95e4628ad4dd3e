"""A count under another name of the same thing ("six nations" against "nine countries", "500 workers" against
"500 staff") is compared as one count; other counted things stay apart. Invented sentences only."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, the quantities rule's relation: "contradicts", "supports" or None for neither)
CASES = [
    ("Delegates from six nations attended the summit in Oslo.", "Delegates from nine countries attended the summit "
     "in Oslo.", "contradicts"),
    ("The factory employs 450 workers.", "The factory employs 450 staff.", "supports"),
    ("The factory employs 450 workers.", "The factory employs 900 employees.", "contradicts"),
    ("About 300 troops were sent to the border.", "About 300 soldiers were sent to the border.", "supports"),
    # must not fire: other counted things, or no count at all
    ("Delegates from six nations attended the summit in Oslo.", "Six delegates attended the summit in Oslo.", None),
    ("The factory employs 450 workers.", "The factory produces 450 cars a day.", None),
    ("About 300 troops were sent to the border.", "About 300 refugees crossed the border.", None),
    ("The league has six nations.", "The league has teams from several countries.", None),
    ("The Six Nations championship opens in Cardiff.", "The championship opens in Cardiff.", None),
]


@pytest.mark.parametrize(("source", "statement", "relation"), CASES)
def test_counted_as(source, statement, relation):
    found = {f.relation for f in run_rules(source, statement) if f.rule == "quantities"} & {"supports", "contradicts"}
    assert found == ({relation} if relation else set())


def test_table_is_balanced():
    fire = sum(c[2] is not None for c in CASES)
    assert len(CASES) - fire >= fire
