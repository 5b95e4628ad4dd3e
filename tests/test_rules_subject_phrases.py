"""Table-driven tests of whom an opposite word is said of: the subject of "belonged to a right-wing party" is the
subject's own noun phrase, not a name inside a clause that describes it ("the candidate who criticized Ruiz" is a
candidate, not Ruiz). Written for this project from the error kinds seen on development statements
(tests/fixtures/dev/seed_blind7.csv); no development sentence is copied."""

from __future__ import annotations

import pytest
from conftest import rule_findings

SOURCE = "Conservative Mayor Ana Ruiz of Lima and the left-wing senator Pablo Soto rarely agree."
CASES = [
    # must fire: the opposite said of the one the source describes
    (SOURCE, "Ruiz belongs to a liberal party.", True),
    (SOURCE, "Ruiz, who criticized Soto, is a liberal politician.", True),
    (SOURCE, "Soto belongs to a right-wing party.", True),
    # must not fire: said of someone a clause inside the subject merely mentions
    (SOURCE, "The candidate who criticized Ruiz belonged to a liberal party.", False),
    (SOURCE, "The lawyer who represented Ruiz in court belongs to a liberal party.", False),
    (SOURCE, "The adviser that Soto fired belonged to a right-wing party.", False),
    # must not fire: the same word
    (SOURCE, "Ruiz belongs to a conservative party.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_opposites_of_the_subject_itself(nlp, source, statement, fires):
    found = rule_findings("antonyms", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


TRENDS = [
    # must fire: a thing the source says goes one way, made to go the other
    ("The truce is threatened by resurgent raids from the militias.", "The militias have scaled back their raids.",
     True),
    ("The militias have stepped up their raids.", "The militias reduced their raids.", True),
    ("The truce is threatened by resurgent raids from the militias.", "The militias curbed their raids.", True),
    # must not fire: the same way, another thing, a verb that is no trend
    ("The truce is threatened by resurgent raids from the militias.", "The militias have stepped up their raids.",
     False),
    ("The truce is threatened by resurgent raids from the militias.", "The army has reduced its patrols.", False),
    ("The militias have stepped up their raids.", "The army scaled back its patrols.", False),
    ("The truce is threatened by resurgent raids from the militias.", "The militias planned their raids.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), TRENDS)
def test_a_thing_made_to_go_the_other_way(nlp, source, statement, fires):
    found = rule_findings("antonyms", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_trend_table_is_balanced():
    assert sum(not c[2] for c in TRENDS) >= sum(c[2] for c in TRENDS)


@pytest.mark.parametrize(("source", "statement", "relation"), [
    ("The truce now looks more fragile than ever.", "The truce now seems less secure than ever.", "supports"),
    ("The truce now looks more fragile than ever.", "The truce now seems more secure than ever.", "contradicts"),
    ("The truce now looks more secure than ever.", "The truce now seems less fragile than ever.", "supports"),
])
def test_secure_is_the_opposite_of_fragile(nlp, source, statement, relation):
    found = rule_findings("antonyms", source, statement, nlp=nlp)
    assert [f.relation for f in found] == [relation], found


FATES = [
    # must fire: one person dead in the source, alive in the statement, or the other way round
    ("The attacker was shot and killed by guards, officials said.", "Guards took the attacker into custody alive.",
     True),
    ("The attacker was shot and killed by guards, officials said.", "The attacker survived.", True),
    ("Guards took the attacker into custody alive.", "Guards shot the attacker dead.", True),
    # must not fire: the same fate; another person; a group, of whom some may live; a denied death
    ("The attacker was shot and killed by guards.", "The attacker was shot dead by guards.", False),
    ("The attacker was shot and killed by guards.", "The guards survived.", False),
    ("The attacker killed two pupils.", "Three pupils were found alive.", False),
    ("The attacker was not killed, officials said.", "The attacker survived.", False),
    ("The attacker was shot and killed by guards.", "The attacker was never taken alive.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), FATES)
def test_alive_or_dead(nlp, source, statement, fires):
    found = rule_findings("antonyms", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_fate_table_is_balanced():
    assert sum(not c[2] for c in FATES) >= sum(c[2] for c in FATES)
