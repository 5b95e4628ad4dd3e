"""Table-driven tests of two false contradictions: a text that names both of two opposite predicates ("neither
confirmed nor denied") says neither one against the other text (the polarity rule), and a linking verb with an
infinitive ("appears to be", "seems to have") says what something is like, not who acts, so its subject is no actor
(the roles rule). Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

LOCKDOWN = ("The lockdown increases the risk in households, whereas isolation and quarantine reduce risks for "
            "everyone.")
TARIFF = "The new tariff raised prices for farmers, while the subsidy lowered prices for shoppers."

# (source sentence, statement, rule, whether it contradicts)
CASES = [
    # must fire: one predicate against its opposite, one actor against another
    ("The militia has denied the reports.", "The militia has confirmed the reports.", "polarity", True),
    ("The militia confirmed the reports.", "The militia denied the reports.", "polarity", True),
    ("The ministry approved the plan.", "The ministry rejected the plan.", "polarity", True),
    ("Ortega suspended Telemundo.", "Castro suspended Telemundo.", "roles", True),
    # must not fire: both texts name both sides
    ("The militia has neither denied nor confirmed the reports.",
     "The militia has neither confirmed nor denied the reports.", "polarity", False),
    ("The agency neither approved nor rejected the merger.",
     "So far the agency has neither rejected nor approved the merger.", "polarity", False),
    ("The club neither confirmed nor denied the transfer.", "The club has neither denied nor confirmed the transfer.",
     "polarity", False),
    # … or the source says the thing goes the statement's way too, of another subject's act
    ("The new tariff lowered prices for farmers.", "The new tariff raised prices for farmers.", "polarity", True),
    (TARIFF, "The subsidy raised prices for shoppers.", "polarity", True),
    (TARIFF, "The new tariff raised prices for farmers.", "polarity", False),
    (LOCKDOWN, "Lockdown restrictions raised the risk of infection within households.", "polarity", False),
    (LOCKDOWN, "Lockdown restrictions alone can reduce the risk of infection within households.", "polarity", True),
    (LOCKDOWN, "Quarantine raised the risk of infection for everyone.", "polarity", True),
    (TARIFF, "Prices for farmers rose because of the new tariff.", "polarity", False),
    (LOCKDOWN, "Isolation and quarantine reduced the risk of infection.", "polarity", False),
    ("Officials would neither confirm nor deny the report.",
     "Officials refused to deny or confirm the report.", "polarity", False),
]


@pytest.mark.parametrize(("source", "statement", "rule", "contradicts"), CASES)
def test_both_sides_and_linking_verbs(source, statement, rule, contradicts):
    found = rule_findings(rule, source, statement, "contradicts")
    assert bool(found) is contradicts, found


def test_table_is_balanced():
    assert sum(not c[3] for c in CASES) >= sum(c[3] for c in CASES)


# (sentence, the predicates the roles rule reads as acts)
ACTS = [
    ("Falco appears to be a nickname.", set()),
    ("Corvo seems to be an assumed name.", set()),
    ("The minister appears to have resigned.", set()),
    ("Ortega appeared in court.", {"appear"}),  # an act: nothing linked
    ("Ortega suspended Telemundo.", {"suspend"}),
    ("Castro seems to have suspended Telemundo.", {"suspend"}),
]


@pytest.mark.parametrize(("sentence", "acts"), ACTS)
def test_a_linking_verb_is_no_act(sentence, acts):
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules.roles import _frames

    assert {f.predicate for f in _frames(parse(sentence))} == acts


def test_two_subjects_of_a_linking_verb_are_not_two_actors():
    found = rule_findings("roles", "Castro appeared in court on Monday.", "Ortega appeared in court on Monday.",
                          "contradicts")
    assert found  # the act still compares its actors
    assert not rule_findings("roles", "Castro appears to be a nickname.", "Ortega appears to be a nickname.",
                             "contradicts")
