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
