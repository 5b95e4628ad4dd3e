"""Table-driven tests of a description the source names, said in the statement to be another name (roles; issue #10,
kind 6): "the guerrilla group that Plan Colombia helped weaken … was the ELN" where the source weakens "the Farc
guerrilla group". The description must be the source's own (two of its words, and half, in the sentence); a name
the document never mentions is then no coverage gap. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

FARC = ("The plan is credited with playing a role in weakening the Farc guerrilla group, which demobilized in 2016 "
        "after years of conflict.")
BRIDGE = "The Acme construction company, which built the river bridge, went bankrupt in 2019."
# (source, statement, whether roles contradicts with another name)
CASES = [
    (FARC, "The guerrilla group that the plan helped weaken before it demobilised in 2016 was the ELN.", True),
    (FARC, "The ELN was the guerrilla group weakened by the plan that demobilized in 2016.", True),
    (BRIDGE, "The construction company that built the river bridge was Bechtel.", True),
    # must not fire: the same name, a description the source does not give, a negation, a generic noun
    (FARC, "The guerrilla group that demobilized in 2016 was the Farc.", False),
    (FARC, "The ELN is a guerrilla group.", False),
    (FARC, "The ELN was the largest guerrilla group in Colombia.", False),
    (FARC, "The group that the plan weakened was not the ELN.", False),
    (BRIDGE, "The company that went bankrupt in 2019 was Acme.", False),
    (BRIDGE, "The winner of the bridge contract in 2019 was Bechtel.", False),
    ("A Lakeside College student recalls the moment the storm hit the campus.",
     "The Lakeside College student who recalled the moment the storm hit was Ana Ruiz.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_description_given_another_name(source, statement, fires):
    found = [f for f in rule_findings("roles", source, statement, "contradicts") if "names the" in f.explanation]
    assert bool(found) is fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)
