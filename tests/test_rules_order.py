"""Table-driven tests of the order of two events (read by the dates rule): a statement that puts first the event the
source puts later contradicts it; the same order, other events, a negated or hedged order, or a description that
refers back without the names of the sentence before it, do not. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

from factcheck.judge.rules import run_rules

# (source sentence, statement, whether the order contradicts)
CASES = [
    # the other way round
    ("The mayor resigned after the audit was published.", "The audit was published after the mayor resigned.", True),
    ("The strike followed the pay cuts, union leaders said.", "The strike preceded the pay cuts.", True),
    ("The flooding came after the dam failed.", "The dam failed after the flooding began.", True),
    ("The collapse of the bank led to the resignation of the minister.",
     "The minister's resignation preceded the bank's collapse.", True),
    ("The evacuation was followed by the explosion.", "The explosion happened before the evacuation.", True),
    # the same order, in other words
    ("The mayor resigned after the audit was published.", "The audit was published before the mayor resigned.", False),
    ("The strike followed the pay cuts.", "The pay cuts came before the strike.", False),
    ("The evacuation was followed by the explosion.", "The evacuation preceded the explosion.", False),
    # other events, or an order not asserted
    ("The mayor resigned after the audit was published.", "The audit was published after the council met.", False),
    ("The strike may follow the pay cuts.", "The strike preceded the pay cuts.", False),
    ("The strike did not follow the pay cuts.", "The strike preceded the pay cuts.", False),
    ("Police followed the suspect to the station.", "The suspect arrived before the police.", False),
    # the act a light verb's object names, and two words for one accusation
    ("The sanctions followed the minister's accusations.", "The sanctions came before the minister made his "
     "accusations.", True),
    ("The sanctions followed the minister's accusations.", "The sanctions came before the minister claimed the "
     "election was rigged.", True),
    ("The sanctions followed the minister's accusations.", "The sanctions came after the minister made his "
     "accusations.", False),
    ("The sanctions followed the minister's accusations.", "The sanctions came before the minister made a speech.",
     False),
    ("The sanctions followed the minister's accusations.", "The sanctions came before the minister resigned.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_order_of_two_events(source, statement, fires):
    found = [f for f in rule_findings("dates", source, statement, "contradicts") if "before" in f.explanation]
    assert bool(found) is fires, found


CONTEXT = "Ministers accused Acme Corp of fraud, and the regulator fined Acme Corp."
# (source sentence after CONTEXT, statement, whether the order contradicts)
BACK = [
    ("This move followed Acme's complaints about the audit.",
     "The fine on Acme preceded Acme's complaints about the audit.", True),
    ("This move followed Acme's complaints about the audit.",
     "The fine on Acme came after Acme's complaints about the audit.", False),
    # no name in common: the description may be of anything
    ("This move followed the complaints about the audit.",
     "The fine preceded the complaints about the audit.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), BACK)
def test_a_description_that_refers_back_stands_for_the_other_event(source, statement, fires):
    found = [f for f in run_rules(source, statement, context=CONTEXT)
             if f.rule == "dates" and f.relation == "contradicts"]
    assert bool(found) is fires, found


def test_tables_are_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)
    assert sum(not c[2] for c in BACK) >= sum(c[2] for c in BACK)
