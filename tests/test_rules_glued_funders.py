"""Table-driven tests of a funder glued onto what it funded by a hyphen, with words before it ("a European
Union-funded initiative"): the whole name is the agent, so another funder than the source's contradicts and is a swap
the coverage rule does not call a gap; the source's own funder, a shared funder or an act many can do does not.
Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

SOURCE = "This US-funded initiative was designed to combat drug trafficking organizations."
CONTEXT = "Plan Colombia began in the early 2000s."

# (source sentence, statement, whether the roles rule contradicts)
CASES = [
    (SOURCE, "Plan Colombia was a European Union-funded initiative.", True),
    (SOURCE, "It was a World Bank-funded initiative to combat drug trafficking organizations.", True),
    ("The Bay Bridge was a California-funded project.", "The Bay Bridge was a New Mexico-funded project.", True),
    # the source's own funder, one of its funders, or an act many can do
    (SOURCE, "Plan Colombia was a United States-funded initiative.", False),
    ("The program was funded by the United States and the European Union.", "It was a European Union-funded "
     "program.", False),
    (SOURCE, "Plan Colombia was a European Union-backed initiative.", False),
    (SOURCE, "The initiative was praised by the European Union.", False),
    ("The Bay Bridge was a California-funded project.", "The Bay Bridge was a California-funded project.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_a_glued_funder_is_the_whole_name(source, statement, fires):
    found = rule_findings("roles", source, statement, "contradicts")
    assert bool(found) is fires, found


def test_the_finding_names_the_whole_funder():
    found = rule_findings("roles", SOURCE, "Plan Colombia was a European Union-funded initiative.", "contradicts")
    assert "European Union did" in found[0].explanation


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


@pytest.mark.parametrize(("statement", "swap"), [
    # another funder the document never mentions is a swap the source rules out, not a gap
    ("Plan Colombia was a European Union-funded initiative.", True),
    ("Plan Colombia was an initiative paid for by the European Union.", True),
    # must not excuse: an act many can do, or the unmentioned name in another role
    ("Plan Colombia was a European Union-backed initiative.", False),
    ("The European Union praised this US-funded initiative.", False),
])
def test_an_unmentioned_glued_funder_is_a_swap_not_a_gap(statement, swap):
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules import run_rules
    from factcheck.judge.rules.coverage import named_by_a_role, source_names

    findings = [f for s in (CONTEXT, SOURCE) for f in run_rules(s, statement)]
    assert named_by_a_role(findings, parse(statement), source_names([CONTEXT, SOURCE])) is swap
