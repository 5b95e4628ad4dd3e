"""Another office for the same person: the source names someone in an office one person holds ("President Ana Ruiz
of Peru"); a statement that gives that person another office now — a deputy's, a former holder's, another sole
office of the same country — contradicts. The same office, an office in the past ("was", "served"), an office of
something else, a title that is no sole office, and another person are left alone. Invented sentences."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

SOURCE = "Speaking in Lima, left-wing President Ana Ruiz of Peru rejected the proposal."
COACH = "The coach of the Hawks, Tom Baker, praised his players."

# (source sentence, statement, whether the roles rule contradicts)
CASES = [
    (SOURCE, "Ana Ruiz holds the office of vice-president in Peru.", True),
    (SOURCE, "Ruiz is the vice-president of Peru.", True),
    (SOURCE, "Peruvian Vice-President Ana Ruiz rejected the proposal.", True),
    (SOURCE, "Ruiz is Peru's prime minister.", True),
    (SOURCE, "Ruiz serves as Peru's deputy president.", True),
    (SOURCE, "Ruiz is the former president of Peru.", True),
    (COACH, "Tom Baker is the captain of the Hawks.", True),
    # must not fire: the same office said another way, an earlier office, an office of something else, no sole
    # office, another person, no office said at all
    (SOURCE, "Ruiz is the president of Peru.", False),
    (SOURCE, "President Ruiz rejected the proposal.", False),
    (SOURCE, "Ruiz is Peru's first left-wing president.", False),
    (SOURCE, "Ruiz was vice-president of Peru.", False),
    (SOURCE, "Ruiz served as mayor of Lima.", False),
    (SOURCE, "Ruiz is the president of the Lima Chess Club.", False),
    (SOURCE, "Ruiz is a former guerrilla.", False),
    (SOURCE, "Ruiz is the leader of Peru.", False),
    (SOURCE, "Carlos Soto is the vice-president of Peru.", False),
    (SOURCE, "Ruiz rejected the proposal in Lima.", False),
    (COACH, "Tom Baker is the coach of the Hawks.", False),
    (COACH, "Tom Baker was the captain of the Hawks.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_another_office(source, statement, contradicts):
    found = [f for f in run_rules(source, statement) if f.rule == "roles" and f.relation == "contradicts"]
    assert bool(found) == contradicts


def test_table_is_balanced():
    fire = sum(c[2] for c in CASES)
    assert len(CASES) - fire >= fire


def test_the_explanation_names_both_offices():
    found = [f for f in run_rules(SOURCE, "Ruiz is the vice-president of Peru.") if f.rule == "roles"]
    assert any("as the president of Peru" in f.explanation and "calls them vice-president" in f.explanation
               for f in found)
